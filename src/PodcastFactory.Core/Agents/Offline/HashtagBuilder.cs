using System.Text;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Derives two or three hashtags from the topic's words: the whole topic (when short), then its longest words.</summary>
internal static class HashtagBuilder
{
    const int MaxTags = 3, MinTags = 2, MaxTagLength = 30, MaxWordsInTopicTag = 3;
    const string FallbackTag = "#Podcast";

    /// <summary>Distinct hashtags in PascalCase, letters and digits only.</summary>
    public static IReadOnlyList<string> Build(string topic)
    {
        List<string> words = Words(topic).Where(w => !StopWords.Contains(w.ToLowerInvariant())).ToList();
        var tags = new List<string>();
        if (words.Count is > 1 and <= MaxWordsInTopicTag)
        {
            Add(tags, string.Concat(words.Select(Pascal)));
        }

        foreach (string word in words.Where(w => w.Length > 2).OrderByDescending(w => w.Length).ThenBy(w => words.IndexOf(w)))
        {
            Add(tags, Pascal(word));
        }

        if (tags.Count < MinTags)
        {
            Add(tags, FallbackTag[1..]);
        }

        return tags.Take(MaxTags).ToList();
    }

    static void Add(List<string> tags, string tag)
    {
        string candidate = "#" + tag;
        if (tag.Length > 0 && tag.Length <= MaxTagLength && !char.IsDigit(tag[0])
            && !tags.Contains(candidate, StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(candidate);
        }
    }

    static IEnumerable<string> Words(string topic)
    {
        var word = new StringBuilder();
        foreach (char c in topic + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
