namespace PodcastFactory.Core.Agents.Llm;

/// <summary>Names of the embedded prompt files and the system-prompt assembly shared by the LLM agents.</summary>
internal static class Prompts
{
    public const string DataRule = "data-rule";
    public const string Research = "research";
    public const string ScriptWrite = "script-write";
    public const string ScriptRevise = "script-revise";
    public const string ScriptPolish = "script-polish";
    public const string ShowBrief = "show-brief";
    public const string Formats = "formats";
    public const string Evaluator = "evaluator";
    public const string Social = "social";
    public const string Queries = "queries";

    /// <summary>The agent's prompt followed by the data-is-not-instructions rule.</summary>
    public static string System(string name, IReadOnlyDictionary<string, string> values) =>
        PromptLibrary.Render(name, values) + "\n\n" + PromptLibrary.Get(DataRule);
}
