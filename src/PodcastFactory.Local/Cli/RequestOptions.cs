using System.CommandLine;
using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Local.Cli;

/// <summary>The episode request as command-line options, shared by the commands that start episodes.</summary>
public sealed class RequestOptions
{
    /// <summary>The topic argument.</summary>
    public Argument<string> Topic { get; } = new("topic") { Description = "Episode topic (3-200 characters)." };

    /// <summary>--source (repeatable): a text file or an http(s) URL.</summary>
    public Option<string[]> Sources { get; } = new("--source", "-s") { Description = "A source that grounds the research: a text/Markdown file or an http(s) URL. Repeatable.", AllowMultipleArgumentsPerToken = false };

    /// <summary>--text (repeatable): inline source text.</summary>
    public Option<string[]> Texts { get; } = new("--text") { Description = "Inline source text. Repeatable." };

    /// <summary>--research.</summary>
    public Option<ResearchMode?> Research { get; } = new("--research") { Description = "What grounds the research: sources, web or both (default web when Search__Provider is set and no sources are given)." };

    /// <summary>--priority.</summary>
    public Option<OutputPriority> Priority { get; } = new("--priority") { Description = "Outputs to produce: audio, social or both.", DefaultValueFactory = _ => OutputPriority.Both };

    /// <summary>--depth.</summary>
    public Option<ResearchDepth> Depth { get; } = new("--depth") { Description = "Research depth: quick (2 angles), standard (3), deep (5).", DefaultValueFactory = _ => ResearchDepth.Standard };

    /// <summary>--minutes.</summary>
    public Option<int> Minutes { get; } = new("--minutes", "-m") { Description = "Target length in minutes (1-60).", DefaultValueFactory = _ => 5 };

    /// <summary>--host (twice).</summary>
    public Option<string[]> Hosts { get; } = new("--host") { Description = "A host as Name:voice, given twice (default Alex:flite:rms and Sam:flite:slt; espeak-ng voices such as en-us+m3 work too)." };

    /// <summary>--language.</summary>
    public Option<string> Language { get; } = new("--language") { Description = "Language (BCP 47, e.g. es or de-AT); offline: en, es, fr, de.", DefaultValueFactory = _ => "en" };

    /// <summary>--budget.</summary>
    public Option<decimal?> Budget { get; } = new("--budget") { Description = "Budget in USD; optional work stops when it would be exceeded." };

    /// <summary>--max-revisions.</summary>
    public Option<int> MaxRevisions { get; } = new("--max-revisions") { Description = "Script revisions allowed after a failed review (0-5).", DefaultValueFactory = _ => 2 };

    /// <summary>--no-polish.</summary>
    public Option<bool> NoPolish { get; } = new("--no-polish") { Description = "Skip the polish pass (a second model call and review) on a script that passed review." };

    /// <summary>--continue-on-failed-review.</summary>
    public Option<bool> ContinueOnFailedReview { get; } = new("--continue-on-failed-review") { Description = "Produce audio and social even if the script fails its last review." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Topic);
        foreach (Option option in new Option[] { Sources, Texts, Research, Priority, Depth, Minutes, Hosts, Language, Budget, MaxRevisions, NoPolish, ContinueOnFailedReview })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Builds the request; host syntax errors are returned as validation errors.</summary>
    public (EpisodeRequest Request, IReadOnlyList<ValidationError> Errors) Build(ParseResult result)
    {
        var errors = new List<ValidationError>();
        var sources = new List<SourceInput>();
        foreach (string source in result.GetValue(Sources) ?? [])
        {
            bool url = source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            sources.Add(new SourceInput(url ? SourceKind.Url : SourceKind.File, url ? source : Path.GetFullPath(source)));
        }

        sources.AddRange((result.GetValue(Texts) ?? []).Select(t => new SourceInput(SourceKind.Text, t)));
        IReadOnlyList<HostVoice> hosts = EpisodeRequest.DefaultHosts;
        string[] hostArgs = result.GetValue(Hosts) ?? [];
        if (hostArgs.Length > 0)
        {
            var parsed = new List<HostVoice>();
            foreach (string host in hostArgs)
            {
                string[] parts = host.Split(':', 2);
                if (parts.Length != 2)
                {
                    errors.Add(new("hosts", string.Create(CultureInfo.InvariantCulture, $"'--host {host}' must be Name:voice, e.g. Alex:en-us+m3.")));
                    continue;
                }

                parsed.Add(new HostVoice(parts[0].Trim(), parts[1].Trim()));
            }

            hosts = parsed;
        }

        var request = new EpisodeRequest
        {
            Topic = result.GetValue(Topic) ?? "",
            Sources = sources,
            Research = result.GetValue(Research),
            Priority = result.GetValue(Priority),
            Depth = result.GetValue(Depth),
            TargetMinutes = result.GetValue(Minutes),
            Hosts = hosts,
            Language = result.GetValue(Language) ?? "en",
            BudgetUsd = result.GetValue(Budget),
            MaxRevisions = result.GetValue(MaxRevisions),
            Polish = !result.GetValue(NoPolish),
            ContinueOnFailedReview = result.GetValue(ContinueOnFailedReview),
        };
        return (request, errors);
    }
}
