using System.Text.Json;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// Prints errors to stderr and returns the matching exit code. Under <c>--json</c> every failure also prints one JSON
/// object on stdout: <c>{"error", "exitCode", "option"?, "stage"?, "details"?}</c>, so a script never reads an empty stdout.
/// </summary>
public static class CliErrors
{
    static readonly AsyncLocal<bool> _json = new();

    /// <summary>Whether the running command was given <c>--json</c> (set once per invocation).</summary>
    public static bool Json
    {
        get => _json.Value;
        set => _json.Value = value;
    }

    /// <summary>Invalid request: one line per field, named as the option the user typed (<c>--minutes</c>, not <c>targetMinutes</c>).</summary>
    public static int Invalid(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Console.Error.WriteLine("error: the request is invalid:");
        List<string> lines = errors.Select(e => $"{CliOptionNames.Label(e.Field)}: {e.Message}").ToList();
        foreach (string line in lines)
        {
            Console.Error.WriteLine("  " + line);
        }

        string? option = errors.Count > 0 ? CliOptionNames.For(errors[0].Field) : null;
        return WriteJson(ExitCodes.InvalidInput, "The request is invalid.", option, details: lines);
    }

    /// <summary>Invalid configuration: each failure names its setting.</summary>
    public static int Configuration(OptionsValidationException ex)
    {
        Console.Error.WriteLine("error: the configuration is invalid:");
        foreach (string failure in ex.Failures)
        {
            Console.Error.WriteLine($"  {failure}");
        }

        return WriteJson(ExitCodes.InvalidInput, "The configuration is invalid.", details: ex.Failures.ToList());
    }

    /// <summary>The environment is not ready.</summary>
    public static int Unavailable(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return WriteJson(ExitCodes.Unavailable, message);
    }

    /// <summary>Any other failure with its exit code: one line on stderr (and the JSON object under <c>--json</c>).</summary>
    public static int Fail(int exitCode, string message, string? option = null, string? stage = null)
    {
        Console.Error.WriteLine("error: " + message);
        return WriteJson(exitCode, message, option, stage);
    }

    /// <summary>Under <c>--json</c>, prints the error object on stdout; returns <paramref name="exitCode"/>.</summary>
    public static int WriteJson(int exitCode, string error, string? option = null, string? stage = null, IReadOnlyList<string>? details = null)
    {
        if (Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new CliError(error, exitCode, option, stage, details), PodcastJson.Compact));
        }

        return exitCode;
    }

    sealed record CliError(string Error, int ExitCode, string? Option, string? Stage, IReadOnlyList<string>? Details);
}
