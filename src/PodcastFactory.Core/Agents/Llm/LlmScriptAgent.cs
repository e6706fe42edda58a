using PodcastFactory.Core.Costs;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// Writes the two-host script at the target length with the chat model, and revises it from a review; both read the
/// show brief (<see cref="ShowBrief"/>), the numbered notes and the source passages around them.
/// </summary>
public sealed class LlmScriptAgent(StructuredChat chat) : IScriptAgent
{
    /// <inheritdoc />
    public Task<AgentResult<Script>> WriteAsync(ScriptBrief brief, ResearchNotes research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        string user = DataBlocks.Join([.. DataBlocks.Instructions(brief), DataBlocks.Notes(research), DataBlocks.Passages(research), DataBlocks.Earlier(research.Earlier)]);
        return AskAsync(brief, research, Prompts.ScriptWrite, user, revision: 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentResult<Script>> ReviseAsync(ScriptBrief brief, ResearchNotes research, Script previous, ScriptReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(review);
        string user = DataBlocks.Join(
            [.. DataBlocks.Instructions(brief),
            DataBlocks.Notes(research),
            DataBlocks.Passages(research),
            DataBlocks.Earlier(research.Earlier),
            DataBlocks.Block("SCRIPT", JsonSerializer.Serialize(new { previous.Title, previous.Turns }, StructuredChat.Json)),
            DataBlocks.Block("REVIEW", Findings(review))]);
        return AskAsync(brief, research, Prompts.ScriptRevise, user, previous.Revision + 1, cancellationToken);
    }

    /// <inheritdoc />
    public string? NoPolishReason => null;

    /// <inheritdoc />
    public Task<AgentResult<Script>> PolishAsync(ScriptBrief brief, ResearchNotes research, Script passed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        ArgumentNullException.ThrowIfNull(passed);
        string user = string.Join("\n\n",
            [.. DataBlocks.Instructions(brief),
            DataBlocks.Notes(research),
            DataBlocks.Passages(research),
            DataBlocks.Block("SCRIPT", JsonSerializer.Serialize(new { passed.Title, passed.Turns }, StructuredChat.Json))]);
        // A dropped citation is sent back with the other errors, so the model gets its one retry to restore it.
        return AskAsync(brief, research, Prompts.ScriptPolish, user, passed.Revision + 1, cancellationToken,
            a => [.. a.Validate(brief, research), .. ScriptCitations.Missing(passed, a.Turns?.SelectMany(t => t?.Claims ?? []))]);
    }

    async Task<AgentResult<Script>> AskAsync(ScriptBrief brief, ResearchNotes research, string prompt, string user, int revision, CancellationToken cancellationToken,
        Func<ScriptAnswer, IReadOnlyList<string>>? validate = null)
    {
        string system = Prompts.System(prompt, ShowBrief.Values(brief));
        AgentResult<ScriptAnswer> answer = await chat.AskAsync<ScriptAnswer>(
            AgentNames.ScriptWriter, "script", system, user, validate ?? (a => a.Validate(brief, research)), OutputTokenCaps.Script(brief.TargetMinutes), cancellationToken);
        return new AgentResult<Script>(answer.Value.ToScript(brief, revision), answer.Usage);
    }

    static string Findings(ScriptReview review)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Passed: {review.Passed}; score {review.Score:0.00}\nFailed checks:\n");
        foreach (ReviewCheck check in review.Checks.Where(c => !c.Passed))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {check.Name}: {check.Detail}\n");
        }

        text.Append("Suggestions:\n");
        foreach (string suggestion in review.Suggestions)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {suggestion}\n");
        }

        return text.ToString().TrimEnd();
    }
}
