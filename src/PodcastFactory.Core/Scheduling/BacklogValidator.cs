using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Scheduling;

/// <summary>Validates a backlog before it is stored, so the scheduler never takes a topic that cannot start.</summary>
public static class BacklogValidator
{
    /// <summary>Largest backlog accepted.</summary>
    public const int MaxTopics = 1000;

    /// <summary>Every problem found, with fields such as <c>topics[2].targetMinutes</c>.</summary>
    public static IReadOnlyList<ValidationError> Validate(Backlog? backlog)
    {
        if (backlog?.Topics is null)
        {
            return [new ValidationError("topics", "A backlog needs a topics array.")];
        }

        var errors = new List<ValidationError>();
        if (backlog.Topics.Count > MaxTopics)
        {
            errors.Add(new("topics", $"At most {MaxTopics} topics are allowed."));
        }

        for (int i = 0; i < backlog.Topics.Count; i++)
        {
            BacklogTopic? topic = backlog.Topics[i];
            if (topic is null)
            {
                errors.Add(new($"topics[{i}]", "A topic entry is required."));
                continue;
            }

            if (topic.Show is not null && !ShowValidator.IsId(topic.Show))
            {
                errors.Add(new($"topics[{i}].show", "A show id is 2-48 lower-case letters, digits or hyphens."));
            }

            errors.AddRange(EpisodeRequestValidator.Validate(topic.ToRequest()).Select(e => e with { Field = $"topics[{i}].{e.Field}" }));
            for (int s = 0; s < (topic.Sources?.Count ?? 0); s++)
            {
                if (topic.Sources![s]?.Kind == SourceKind.File)
                {
                    errors.Add(new($"topics[{i}].sources[{s}].kind", "File sources are not accepted in the backlog; use inline text or an http(s) URL."));
                }
            }
        }

        return errors;
    }
}
