using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// Command-line parse errors as one line that names the option and what it expects, exit code 2: never .NET type
/// names, never the whole help (the line says where help is).
/// </summary>
public static class CliParseErrors
{
    /// <summary>Prints the first parse error of <paramref name="parse"/> and returns <see cref="ExitCodes.InvalidInput"/>.</summary>
    public static int Report(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        CliErrors.Json = parse.Tokens.Any(t => t.Value == "--json");
        (string? option, string problem) = Describe(parse, parse.Errors[0]);
        string help = parse.CommandResult.Command is RootCommand ? "podcast --help" : $"podcast {parse.CommandResult.Command.Name} --help";
        return CliErrors.Fail(ExitCodes.InvalidInput, $"{problem} (see '{help}')", option);
    }

    static (string? Option, string Problem) Describe(ParseResult parse, ParseError error)
    {
        SymbolResult? symbol = error.SymbolResult;
        while (symbol is not null and not OptionResult)
        {
            symbol = symbol.Parent;
        }

        if (symbol is OptionResult result)
        {
            string name = result.Option.Name;
            string given = string.Join(" ", result.Tokens.Select(t => t.Value));
            return result.Tokens.Count == 0
                ? (name, $"{name} needs a value: {Expected(result.Option)}")
                : (name, $"{name}: '{given}' is not valid; expected {Expected(result.Option)}");
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];
            return token.StartsWith('-') ? (token, $"unknown option '{token}'") : (null, $"unexpected argument '{token}' (quote a topic that has spaces)");
        }

        return (null, error.Message);
    }

    static string Expected(Option option)
    {
        Type type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsArray)
        {
            type = type.GetElementType()!;
        }

        return type switch
        {
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(Kebab)),
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(decimal) || type == typeof(double) => "a number such as 0.50",
            _ when type == typeof(bool) => "true or false",
            _ => "a value (" + (option.Description ?? option.Name) + ")",
        };
    }

    static string Kebab(string name)
    {
        var builder = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
