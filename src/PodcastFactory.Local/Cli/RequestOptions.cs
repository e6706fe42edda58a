using System.CommandLine;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

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

    /// <summary>--show.</summary>
    public Option<string?> Show { get; } = new("--show") { Description = "The show this episode belongs to (podcast show list): its cast, language and length are the defaults, its feed gets the episode." };

    /// <summary>--priority.</summary>
    public Option<OutputPriority> Priority { get; } = new("--priority") { Description = "Outputs to produce: audio, social or both.", DefaultValueFactory = _ => OutputPriority.Both };

    /// <summary>--depth.</summary>
    public Option<ResearchDepth> Depth { get; } = new("--depth") { Description = "Research depth: quick (2 angles), standard (3), deep (5).", DefaultValueFactory = _ => ResearchDepth.Standard };

    /// <summary>--minutes.</summary>
    public Option<int> Minutes { get; } = new("--minutes", "-m") { Description = "Target length in minutes (1-60).", DefaultValueFactory = _ => 5 };

    /// <summary>--host (1-4 times).</summary>
    public Option<string[]> Hosts { get; } = new("--host") { Description = "A host as Name:voice[:persona], given one to four times (default Alex:flite:rms and Sam:flite:slt; one for --format solo, Jordan:flite:awb too for panel; espeak-ng voices such as en-us+m3 work too)." };

    /// <summary>--format.</summary>
    public Option<string> Format { get; } = new("--format") { Description = $"The episode's format: {EpisodeFormats.Names} (default deep-dive).", DefaultValueFactory = _ => EpisodeFormats.DeepDive };

    /// <summary>--instructions.</summary>
    public Option<string?> Instructions { get; } = new("--instructions") { Description = "Instructions for the writer and the judge (at most 2,000 characters)." };

    /// <summary>--host-style (repeatable): Name=how the host speaks.</summary>
    public Option<string[]> HostStyles { get; } = new("--host-style") { Description = "How a host speaks, as Name=style (e.g. \"Sam=cheerful, a little faster\"; one line, at most 200 characters). Repeatable, once per host." };

    /// <summary>--say (repeatable): TEXT=how to say it.</summary>
    public Option<string[]> Says { get; } = new("--say") { Description = "A pronunciation, as TEXT=say (e.g. \"SQL=sequel\"): whole words, case-aware. Repeatable." };

    /// <summary>--lexicon: a JSON file of pronunciations.</summary>
    public Option<FileInfo?> LexiconFile { get; } = new("--lexicon") { Description = "A JSON file of pronunciations: [{\"text\": \"SQL\", \"say\": \"sequel\"}, {\"text\": \"Saoirse\", \"ipa\": \"ˈsɪərʃə\"}] (--say entries are added)." };

    /// <summary>--language.</summary>
    public Option<string> Language { get; } = new("--language") { Description = "Language (BCP 47, e.g. es or de-AT); offline: en, es, fr, de.", DefaultValueFactory = _ => "en" };

    /// <summary>--edition (repeatable): another language from the same research.</summary>
    public Option<string[]> Editions { get; } = new("--edition") { Description = "Another language to make the episode in from the same research (repeatable, at most 4); refused for now: editions are not produced yet." };

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
        foreach (Option option in new Option[] { Show, Sources, Texts, Research, Priority, Depth, Minutes, Hosts, Format, Instructions, HostStyles, Says, LexiconFile, Language, Editions, Budget, MaxRevisions, NoPolish, ContinueOnFailedReview })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Which show-defaulted options the command line sets itself (the rest come from <c>--show</c>).</summary>
    public RequestOverrides Overrides(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (Given(result, Hosts) ? RequestOverrides.Hosts : RequestOverrides.None)
            | (Given(result, Language) ? RequestOverrides.Language : RequestOverrides.None)
            | (Given(result, Minutes) ? RequestOverrides.TargetMinutes : RequestOverrides.None)
            | (Given(result, Format) ? RequestOverrides.Format : RequestOverrides.None)
            | (Given(result, Instructions) ? RequestOverrides.Instructions : RequestOverrides.None);
    }

    // An option typed on the command line (not its default value).
    static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

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
        string format = result.GetValue(Format) ?? EpisodeFormats.DeepDive;
        IReadOnlyList<HostVoice> hosts = EpisodeFormats.DefaultHosts(format);
        string[] hostArgs = result.GetValue(Hosts) ?? [];
        if (hostArgs.Length > 0)
        {
            var parsed = new List<HostVoice>();
            foreach (string host in hostArgs)
            {
                (HostVoice? parsedHost, ValidationError? error) = HostArgument.Parse(host);
                if (error is not null)
                {
                    errors.Add(error);
                }
                else
                {
                    parsed.Add(parsedHost!);
                }
            }

            hosts = parsed;
        }

        hosts = VoiceDirectionOptions.WithStyles(hosts, result.GetValue(HostStyles) ?? [], errors);
        IReadOnlyList<LexiconEntry> lexicon = VoiceDirectionOptions.Lexicon(result.GetValue(LexiconFile), result.GetValue(Says) ?? [], errors);
        // Without --minutes the format's own length applies (a brief runs two minutes).
        int minutes = result.GetResult(Minutes) is { Implicit: false }
            ? result.GetValue(Minutes)
            : EpisodeFormats.Find(format)?.DefaultMinutes ?? result.GetValue(Minutes);

        var request = new EpisodeRequest
        {
            Topic = result.GetValue(Topic) ?? "",
            Show = result.GetValue(Show),
            Sources = sources,
            Research = result.GetValue(Research),
            Priority = result.GetValue(Priority),
            Depth = result.GetValue(Depth),
            TargetMinutes = minutes,
            Hosts = hosts,
            Format = format,
            Instructions = result.GetValue(Instructions),
            Language = result.GetValue(Language) ?? "en",
            Editions = result.GetValue(Editions) is { Length: > 0 } editions ? editions : null,
            Lexicon = lexicon,
            BudgetUsd = result.GetValue(Budget),
            MaxRevisions = result.GetValue(MaxRevisions),
            Polish = !result.GetValue(NoPolish),
            ContinueOnFailedReview = result.GetValue(ContinueOnFailedReview),
        };
        return (request, errors);
    }
}
