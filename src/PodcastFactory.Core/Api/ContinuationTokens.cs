using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The list's continuation tokens as the API hands them out: the backend's own token in an envelope with a checksum
/// (<c>pf1.{base64url token}.{check}</c>). Whether a backend refuses a token it cannot read differs (the in-memory one
/// throws; a backend that reads garbage as "from the start" would answer 200 with the first page): with the envelope any
/// token this server did not issue is a 400 on every backend. The checksum catches damage, it is no secret: the inner
/// token is the backend's.
/// </summary>
public static class ContinuationTokens
{
    const string Prefix = "pf1.";

    /// <summary>The token to hand out for the backend's <paramref name="backendToken"/>; null on the last page.</summary>
    public static string? Wrap(string? backendToken) =>
        string.IsNullOrEmpty(backendToken) ? null : $"{Prefix}{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(backendToken))}.{Check(backendToken)}";

    /// <summary>The backend's token inside <paramref name="token"/>; false when it is not a token this API issued.</summary>
    public static bool TryUnwrap(string token, out string backendToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        backendToken = "";
        string[] parts = token.Split('.');
        if (parts.Length != 3 || parts[0] + "." != Prefix || !Base64Url.IsValid(parts[1]))
        {
            return false;
        }

        try
        {
            backendToken = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (FormatException)
        {
            return false;
        }

        return backendToken.Length > 0 && parts[2] == Check(backendToken);
    }

    static string Check(string backendToken) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(backendToken)).AsSpan(0, 8));
}
