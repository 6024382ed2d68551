using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Benchmarks.Fuzz;

/// <summary>The kinds of damage <see cref="PageMutator"/> does to a page.</summary>
public enum MutationKind
{
    /// <summary>Flips one bit of one byte of the UTF-8 text (may leave invalid UTF-8).</summary>
    FlipByte,

    /// <summary>Removes a line.</summary>
    DeleteLine,

    /// <summary>Repeats a line right after itself.</summary>
    DuplicateLine,

    /// <summary>Inserts a YAML or markdown metacharacter sequence.</summary>
    InsertToken,

    /// <summary>Cuts the page off.</summary>
    Truncate,

    /// <summary>Replaces the value of a front-matter line (wrong types, unclosed quotes and brackets, anchors, huge numbers).</summary>
    ReplaceFrontMatterValue,

    /// <summary>Adds a front-matter line: a known key with an odd value, a duplicate key, a tab-indented line.</summary>
    InsertFrontMatterLine,
}

/// <summary>
/// One change to a page. <see cref="Position"/> (0 to 1) says where in the page (or in its front matter), <see cref="Choice"/>
/// which token, value or bit; so a random source or a property-testing generator can drive it and a case replays exactly.
/// </summary>
public sealed record Mutation(MutationKind Kind, double Position, int Choice)
{
    public override string ToString() => $"{Kind}@{Position.ToString("0.###", CultureInfo.InvariantCulture)}#{Choice}";
}

/// <summary>Damages markdown pages the ways people and editors do, to find input the build does not survive.</summary>
public static class PageMutator
{
    /// <summary>Sequences that mean something to YAML or to markdown (and a few that mean something to HTML and to text decoders).</summary>
    public static IReadOnlyList<string> Tokens { get; } =
    [
        // YAML
        ": ", "- ", "[", "]", "{", "}", "\"", "'", "&anchor ", "*anchor", "*missing", "<<: *anchor\n", "!!str ", "!!int ", "!!binary ",
        "|", ">-", "#", "? ", "%YAML 1.2\n", "---\n", "...\n", "\t", "key: value\n", ": :", "- - -", "@", "`", "!tag ",
        // markdown
        "*", "**", "_", "~~", "```", "```csharp\n", "~~~", "`", "[", "](", "](#", "](../", "![", "[^1]", "[^1]: note\n", "{#id}", "{.class}",
        "# ", "###### ", "> ", "> [!NOTE]\n", "- [ ] ", "- [x] ", "1. ", "|", "| a | b |\n|---|---|\n", "+---+\n| a |\n+---+\n", "\\",
        "<http://", "https://example.com", "&amp;", "&#0;", "&#x110000;", "<!--", "-->", "<div>", "</div>", "<script>", "</pre>", "<textarea>",
        "    ", "\n\n", "\r", "\r\n", "\u00a0", "\u200b", "\u202e", "\ufeff", "\ud83d\ude80", "\0",
    ];

    /// <summary>Values that break a front-matter field: wrong types, unclosed quotes and brackets, tabs, anchors and aliases, huge numbers.</summary>
    public static IReadOnlyList<string> OddValues { get; } =
    [
        "", "~", "null", "true", "no", "[]", "{}", "[1, 2]", "{a: b}", "- x", "\"unclosed", "'unclosed", "[unclosed", "{unclosed: ",
        "\"esc \\x\"", "\tvalue", "&anchor value", "*anchor", "*missing", "!!binary AAAA", "!!int x", "!custom x", "|", ">",
        "99999999999999999999999999999999", "-9223372036854775809", "1e400", ".nan", "-.inf", "0x7fffffffffffffff1", "0o99",
        "2026-13-45", "2026-02-30", "0001-01-01", "9999-12-31T25:61:61Z", "1-3", "3-1", "week 1 to 2", "0-0", "-5--2",
        "phase-99", "[phase-1, phase-1]", "\"\"", "'''", "a: b: c", "x # comment", "? complex", "é\u0301", "\ud83d\ude80",
    ];

    /// <summary>Front-matter keys the build reads, so odd values land where they are used.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["title", "kind", "order", "tags", "status", "phase", "weeks", "depends_on", "owner", "last_reviewed", "severity", "service", "description", "draft"];

    /// <summary>Applies <paramref name="mutations"/> in order.</summary>
    public static string Apply(string page, IEnumerable<Mutation> mutations)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        foreach (var mutation in mutations)
        {
            page = Apply(page, mutation);
        }
        return page;
    }

    public static string Apply(string page, Mutation mutation)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(mutation);
        var choice = Math.Abs(mutation.Choice);
        switch (mutation.Kind)
        {
            case MutationKind.FlipByte:
            {
                var bytes = Encoding.UTF8.GetBytes(page);
                if (bytes.Length == 0)
                {
                    return page;
                }
                bytes[Index(mutation.Position, bytes.Length)] ^= (byte)(1 << (choice % 8));
                return Encoding.UTF8.GetString(bytes);
            }
            case MutationKind.DeleteLine:
            {
                var lines = Lines(page);
                lines.RemoveAt(Index(mutation.Position, lines.Count));
                return string.Join('\n', lines);
            }
            case MutationKind.DuplicateLine:
            {
                var lines = Lines(page);
                var at = Index(mutation.Position, lines.Count);
                lines.Insert(at, lines[at]);
                return string.Join('\n', lines);
            }
            case MutationKind.InsertToken:
            {
                var at = Index(mutation.Position, page.Length + 1);
                return page.Insert(SafeSplit(page, at), Tokens[choice % Tokens.Count]);
            }
            case MutationKind.Truncate:
                return page[..SafeSplit(page, Index(mutation.Position, page.Length + 1))];
            case MutationKind.ReplaceFrontMatterValue:
            {
                var lines = Lines(page);
                if (FrontMatterLines(lines) is not { } range)
                {
                    return page;
                }
                var at = range.Start + Index(mutation.Position, range.Count);
                var colon = lines[at].IndexOf(':', StringComparison.Ordinal);
                var head = colon >= 0 ? lines[at][..(colon + 1)] : lines[at] + ":";
                lines[at] = head + " " + OddValues[choice % OddValues.Count];
                return string.Join('\n', lines);
            }
            case MutationKind.InsertFrontMatterLine:
            {
                var lines = Lines(page);
                if (FrontMatterLines(lines) is not { } range)
                {
                    lines.InsertRange(0, ["---", $"{Keys[choice % Keys.Count]}: {OddValues[choice / Keys.Count % OddValues.Count]}", "---"]);
                    return string.Join('\n', lines);
                }
                var at = range.Start + Index(mutation.Position, range.Count + 1);
                var line = (choice % 3) switch
                {
                    // A key that is already there: a duplicate key.
                    0 when range.Count > 0 => lines[range.Start + (choice / 3 % range.Count)],
                    1 => $"\t{Keys[choice / 3 % Keys.Count]}: value",
                    _ => $"{Keys[choice / 3 % Keys.Count]}: {OddValues[choice / 3 / Keys.Count % OddValues.Count]}",
                };
                lines.Insert(at, line);
                return string.Join('\n', lines);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation.Kind, "unknown mutation");
        }
    }

    /// <summary>A random mutation, for campaigns driven by <see cref="Random"/>.</summary>
    public static Mutation Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var kinds = Enum.GetValues<MutationKind>();
        return new Mutation(kinds[random.Next(kinds.Length)], random.NextDouble(), random.Next(1 << 20));
    }

    private static int Index(double position, int count) => count <= 1 ? 0 : Math.Clamp((int)(Math.Clamp(position, 0, 1) * count), 0, count - 1);

    /// <summary>Moves a split point off the middle of a surrogate pair, so the text stays valid UTF-16.</summary>
    private static int SafeSplit(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;

    private static List<string> Lines(string page) => [.. page.Split('\n')];

    /// <summary>The lines between the opening and closing <c>---</c>, or null when the page has no closed front matter.</summary>
    private static (int Start, int Count)? FrontMatterLines(List<string> lines)
    {
        if (lines.Count == 0 || lines[0].TrimEnd('\r') != "---")
        {
            return null;
        }
        var end = lines.FindIndex(1, l => l.TrimEnd('\r') is "---" or "...");
        return end < 0 ? null : (1, end - 1);
    }
}
