namespace PodcastFactory.Core.Agents.Offline;

/// <summary>English function words that carry no topical meaning and are ignored when ranking and matching.</summary>
internal static class StopWords
{
    static readonly HashSet<string> _words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like", "ll", "me", "might", "more", "most",
        "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
        "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "re", "s", "same", "shall", "she", "should",
        "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve", "very", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "would",
        "yet", "you", "your", "yours", "yourself", "yourselves", "d", "m", "don", "doesn", "isn", "aren", "wasn",
        "won", "can't", "cannot", "may", "via", "etc", "eg", "ie",
    };

    /// <summary>True when <paramref name="word"/> (lower-case) is a stop word.</summary>
    public static bool Contains(string word) => _words.Contains(word);
}
