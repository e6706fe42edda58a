namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>Redirects stdout and stderr for the duration of a CLI invocation.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    readonly TextWriter _out = Console.Out;
    readonly TextWriter _error = Console.Error;

    public ConsoleCapture()
    {
        Console.SetOut(Out);
        Console.SetError(Error);
    }

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }
}
