using System.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Extractive research without a model: every note is a sentence copied from a supplied source (Markdown removed),
/// with the source name and a locator, so nothing is invented.
/// </summary>
/// <remarks>
/// Ranking is TF-IDF (each sentence is a document, vectors L2-normalised): 0.45 x cosine similarity to the topic,
/// 0.30 x the share of the sentence's weight that falls on the angle's words and their cue words (see
/// <c>AngleCues</c>; a share rather than a cosine, so a long cue list does not dilute it), 0.15 x cosine similarity to
/// the centroid of all sentences (how central the sentence is to the sources), and 0.10 x a positional prior that
/// leans angle k towards the k-th fifth of each document, since well-organised sources move from definitions to
/// outlook. The total is scaled down for sentences under eight words, which make thin notes. The angle terms and the
/// prior make different angles surface different, overlapping notes. Near-duplicates of an already chosen note (see
/// <c>NearDuplicates</c>) are skipped; text that cannot stand alone as a claim (headings,
/// questions, navigation, instructions out of their list, fragments: see <c>ClaimShape</c>) is never a note. Each note
/// records its angle, so the script can tell the story angle by angle. Series memory: a sentence an earlier episode of
/// the show already stated (its claim hash is in the bible, or it is a near-duplicate of an earlier key point: see
/// <see cref="CoveredClaims"/>) ranks after every sentence that is new, its score scaled by <see cref="CoveredPenalty"/>,
/// so it is only used when the new material runs out.
/// </remarks>
public sealed class OfflineResearchAgent : IResearchAgent
{
    const double TopicWeight = 0.30, AngleWeight = 0.40, CentralityWeight = 0.15, PositionWeight = 0.15;
    const int MinWords = 4, FullWeightWords = 8, PriorBands = 5;

    /// <summary>What a covered sentence's score is multiplied by (it also ranks after every new one).</summary>
    public const double CoveredPenalty = 0.25;

    /// <inheritdoc />
    public Task<AgentResult<ResearchNotes>> ResearchAsync(ResearchBrief brief, IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(sources);
        cancellationToken.ThrowIfCancellationRequested();
        long start = Stopwatch.GetTimestamp();

        List<SourceDocument> usable = sources.Where(s => !string.IsNullOrWhiteSpace(s?.Text)).ToList();
        ResearchNotes notes = usable.Count == 0 ? NoSources(brief) : Research(brief, usable, cancellationToken);

        long inputWords = TextStats.CountWords(brief.Topic) + TextStats.CountWords(brief.Angle)
            + usable.Sum(s => (long)TextStats.CountWords(s.Text));
        long outputWords = TextStats.CountWords(notes.Summary) + notes.Notes.Sum(n => (long)TextStats.CountWords(n.Text));
        return Task.FromResult(new AgentResult<ResearchNotes>(notes, OfflineUsage.Create(AgentNames.Research, inputWords, outputWords, start)));
    }

    static ResearchNotes NoSources(ResearchBrief brief) =>
        new(brief.Topic, brief.Angle,
            $"No sources were supplied for \"{brief.Topic}\" ({brief.Angle}), so nothing is stated as fact: offline research only extracts from supplied sources.",
            [], HasSources: false);

    static ResearchNotes Research(ResearchBrief brief, List<SourceDocument> sources, CancellationToken cancellationToken)
    {
        List<SourceSentence> sentences = sources
            .SelectMany((doc, i) => SentenceSplitter.Split(doc, i))
            .Where(s => TextStats.CountWords(s.Text) >= MinWords && ClaimShape.Problem(s.Text) is null
                && !SpokenTextChecks.GluedHeading(s.Text) && !SpokenTextChecks.FoldedList(s.Text))
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();

        List<List<string>> tokens = sentences.Select(s => TextTokenizer.Tokenize(s.Text)).ToList();
        var ranker = new TfIdfRanker(tokens);
        List<Dictionary<string, double>> vectors = tokens.Select(ranker.Vector).ToList();
        Dictionary<string, double> topic = ranker.Vector(TextTokenizer.Tokenize(brief.Topic));
        HashSet<string> angle = new(AngleCues.Expand(brief.Angle), StringComparer.Ordinal);
        Dictionary<string, double> centroid = TfIdfRanker.Centroid(vectors);
        double priorCentre = ((Math.Abs(brief.AngleIndex) % PriorBands) + 0.5) / PriorBands;
        var covered = new CoveredClaims(brief.Earlier);

        var ranked = sentences
            .Select((sentence, i) => (sentence, i, covered: covered.Contains(sentence.Text), score:
                Math.Min(1.0, TextStats.CountWords(sentence.Text) / (double)FullWeightWords)
                * ((TopicWeight * TfIdfRanker.Cosine(vectors[i], topic))
                    + (AngleWeight * Math.Sqrt(TfIdfRanker.Share(vectors[i], angle)))
                    + (CentralityWeight * TfIdfRanker.Cosine(vectors[i], centroid))
                    + (PositionWeight * (1 - Math.Abs(sentence.RelativePosition - priorCentre))))))
            .Select(r => (r.sentence, r.i, r.covered, score: r.covered ? r.score * CoveredPenalty : r.score))
            .Where(r => tokens[r.i].Count > 0)
            .OrderBy(r => r.covered)
            .ThenByDescending(r => r.score)
            .ThenBy(r => r.sentence.DocumentIndex)
            .ThenBy(r => r.sentence.Position);

        var chosen = new List<ResearchNote>();
        var chosenTokens = new List<IReadOnlySet<string>>();
        foreach ((SourceSentence sentence, int i, bool _, double score) in ranked)
        {
            if (chosen.Count >= Math.Max(0, brief.MaxNotes))
            {
                break;
            }

            var set = new HashSet<string>(tokens[i], StringComparer.Ordinal);
            if (NearDuplicates.RepeatsAny(chosenTokens, set))
            {
                continue;
            }

            chosen.Add(new ResearchNote(sentence.Text, sentence.Source, sentence.Locator, Math.Round(score, 4), brief.Angle));
            chosenTokens.Add(set);
        }

        string names = string.Join(", ", sources.Select(s => s.Name));
        string summary = chosen.Count == 0
            ? $"The supplied sources ({names}) contain no usable sentences for \"{brief.Topic}\" ({brief.Angle}), so nothing is stated as fact."
            : $"{chosen.Count} notes on \"{brief.Topic}\" ({brief.Angle}), extracted verbatim from {sentences.Count} sentences in {sources.Count} source(s): {names}. Ranked by TF-IDF relevance to the topic and angle.";
        return new ResearchNotes(brief.Topic, brief.Angle, summary, chosen, HasSources: true);
    }
}
