namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// TF-IDF vectors over a fixed corpus of sentences, with cosine similarity. Each sentence is a "document";
/// term weight = (1 + ln tf) * idf with smoothed idf = ln((1 + N) / (1 + df)) + 1, so rare, specific words weigh
/// more than words every sentence shares.
/// </summary>
internal sealed class TfIdfRanker
{
    readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    readonly double _unseenIdf;

    /// <summary>Builds the vocabulary and the document frequencies from the tokenised corpus.</summary>
    public TfIdfRanker(IReadOnlyList<IReadOnlyList<string>> corpus)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> doc in corpus)
        {
            foreach (string term in doc.Distinct(StringComparer.Ordinal))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        int n = corpus.Count;
        foreach ((string term, int count) in df)
        {
            _idf[term] = Math.Log((1.0 + n) / (1.0 + count)) + 1.0;
        }

        _unseenIdf = Math.Log(1.0 + n) + 1.0;
    }

    /// <summary>The L2-normalised TF-IDF vector of a token list.</summary>
    public Dictionary<string, double> Vector(IEnumerable<string> tokens)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (IGrouping<string, string> group in tokens.GroupBy(t => t, StringComparer.Ordinal))
        {
            double idf = _idf.TryGetValue(group.Key, out double value) ? value : _unseenIdf;
            vector[group.Key] = (1.0 + Math.Log(group.Count())) * idf;
        }

        return Normalize(vector);
    }

    /// <summary>Cosine similarity of two normalised vectors.</summary>
    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        (IReadOnlyDictionary<string, double> small, IReadOnlyDictionary<string, double> large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach ((string term, double weight) in small)
        {
            if (large.TryGetValue(term, out double other))
            {
                dot += weight * other;
            }
        }

        return dot;
    }

    /// <summary>
    /// The share of a normalised vector's squared weight that falls on <paramref name="terms"/> (0..1): how much of
    /// the sentence is about those terms, however many terms there are.
    /// </summary>
    public static double Share(IReadOnlyDictionary<string, double> vector, IReadOnlySet<string> terms) =>
        vector.Where(p => terms.Contains(p.Key)).Sum(p => p.Value * p.Value);

    /// <summary>The normalised sum of several vectors (the corpus "centre of gravity").</summary>
    public static Dictionary<string, double> Centroid(IEnumerable<IReadOnlyDictionary<string, double>> vectors)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (IReadOnlyDictionary<string, double> vector in vectors)
        {
            foreach ((string term, double weight) in vector)
            {
                sum[term] = sum.GetValueOrDefault(term) + weight;
            }
        }

        return Normalize(sum);
    }

    static Dictionary<string, double> Normalize(Dictionary<string, double> vector)
    {
        double norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        if (norm > 0)
        {
            foreach (string key in vector.Keys.ToList())
            {
                vector[key] /= norm;
            }
        }

        return vector;
    }
}
