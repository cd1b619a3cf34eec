using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Mixtures.Cli;

/// <summary>
/// The parser's errors in the tool's words: an unknown verb with the closest one suggested, integers
/// with the range they must be in (not .NET type names), and the option a message is about.
/// </summary>
internal static class ParseMessages
{
    /// <summary>The smallest value each integer option accepts (the largest is int.MaxValue unless listed in <see cref="Largest"/>).</summary>
    private static readonly Dictionary<string, int> Smallest = new(StringComparer.Ordinal)
    {
        ["-k"] = 1, ["--k"] = 1, ["--n-components"] = 1, ["--max-iter"] = 1, ["--n-init"] = 1, ["-n"] = 1, ["--n-samples"] = 1,
        ["--width"] = 100, ["--height"] = 100,
    };

    private static readonly Dictionary<string, int> Largest = new(StringComparer.Ordinal) { ["--width"] = 10000, ["--height"] = 10000 };

    /// <summary>One line for the first parse error of <paramref name="parse"/>.</summary>
    public static string Describe(ParseResult parse, Command root)
    {
        if (parse.CommandResult.Command == root && UnknownVerb(parse, root) is { } verb) return verb;
        return Describe(parse.Errors[0]);
    }

    /// <summary>"unknown verb 'fti'; did you mean 'fit'?" when the first token names no verb.</summary>
    private static string? UnknownVerb(ParseResult parse, Command root)
    {
        var first = parse.Tokens.FirstOrDefault();
        if (first is null || first.Type == TokenType.Option || first.Value.StartsWith('-')) return null;
        var verbs = root.Subcommands.Select(c => c.Name).ToList();
        if (verbs.Contains(first.Value)) return null;
        var closest = verbs.OrderBy(v => Distance(first.Value, v)).First();
        var hint = Distance(first.Value, closest) <= Math.Max(2, closest.Length / 2) ? $"did you mean '{closest}'? " : "";
        return $"unknown verb '{CliException.Printable(first.Value)}'; {hint}the verbs are {string.Join(", ", verbs)}.";
    }

    /// <summary>The parser's message, prefixed with the option it is about when it does not name it.</summary>
    private static string Describe(ParseError error)
    {
        var message = ErrorReporter.OneLine(error.Message);
        for (var s = error.SymbolResult; s is not null; s = s.Parent)
        {
            if (s is not OptionResult o) continue;
            var type = Nullable.GetUnderlyingType(o.Option.ValueType) ?? o.Option.ValueType;
            if (type == typeof(int) && message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
                return WholeNumber(o);
            return message.Contains(o.Option.Name, StringComparison.Ordinal) ? message : $"{o.Option.Name}: {message}";
        }
        return message;
    }

    /// <summary>"-k: expected a whole number from 1 to 2147483647, not '3.5'."</summary>
    private static string WholeNumber(OptionResult o)
    {
        var name = o.IdentifierToken?.Value ?? o.Option.Name;
        int min = Smallest.GetValueOrDefault(name, Smallest.GetValueOrDefault(o.Option.Name, int.MinValue));
        int max = Largest.GetValueOrDefault(o.Option.Name, int.MaxValue);
        var given = o.Tokens.Count > 0 ? $", not '{CliException.Printable(o.Tokens[^1].Value)}'" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{name}: expected a whole number from {min} to {max}{given}.");
    }

    /// <summary>Edit distance counting a swap of neighbours as one edit (optimal string alignment): 'fti' is one from 'fit'.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
