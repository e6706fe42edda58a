using PodcastFactory.Core.Models;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// Hash of everything an activity's output depends on (its input record and the content it read), so an
/// activity can tell that its output already exists for the same input and skip its paid call.
/// </summary>
public static class InputHash
{
    /// <summary>SHA-256 (hex) over the JSON of each part, in order.</summary>
    public static string Of(params object?[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (object? part in parts)
        {
            byte[] bytes = part switch
            {
                null => [0],
                string s => Encoding.UTF8.GetBytes(s),
                byte[] b => b,
                _ => JsonSerializer.SerializeToUtf8Bytes(part, part.GetType(), PodcastJson.Compact),
            };
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
