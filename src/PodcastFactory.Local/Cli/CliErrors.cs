using Microsoft.Extensions.Options;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Local.Cli;

/// <summary>Prints errors to stderr and returns the matching exit code.</summary>
public static class CliErrors
{
    /// <summary>Invalid request: one line per field.</summary>
    public static int Invalid(IReadOnlyList<ValidationError> errors)
    {
        Console.Error.WriteLine("error: the request is invalid:");
        foreach (ValidationError error in errors)
        {
            Console.Error.WriteLine($"  {error.Field}: {error.Message}");
        }

        return ExitCodes.InvalidInput;
    }

    /// <summary>Invalid configuration: each failure names its setting.</summary>
    public static int Configuration(OptionsValidationException ex)
    {
        Console.Error.WriteLine("error: the configuration is invalid:");
        foreach (string failure in ex.Failures)
        {
            Console.Error.WriteLine($"  {failure}");
        }

        return ExitCodes.InvalidInput;
    }

    /// <summary>The environment is not ready.</summary>
    public static int Unavailable(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.Unavailable;
    }
}
