using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Tests.Highlighting;

/// <summary>One example of a spec file: the code, its language, and the HTML it must highlight to.</summary>
public sealed record SpecExample(string Spec, int Number, string Language, string Section, int Line, string Input, string Expected)
{
    public override string ToString() => $"{Spec}.md example {Number} (line {Line}, {Section})";
}

/// <summary>
/// Reads the spec files of TestData/Highlighting: prose, then examples in fenced blocks whose info string is
/// <c>example LANGUAGE</c>, holding the input, a line with only '.', and the expected HTML (markdig's layout).
/// A '→' stands for a tab on either side.
/// </summary>
public sealed partial class SpecFile
{
    private readonly string[] _lines;
    private readonly List<(SpecExample Example, int ExpectedStart, int ExpectedEnd)> _examples = [];

    private SpecFile(string name, string text)
    {
        Name = name;
        _lines = text.ReplaceLineEndings("\n").Split('\n');
        Parse();
    }

    public string Name { get; }

    public IEnumerable<SpecExample> Examples => _examples.Select(e => e.Example);

    /// <summary>The folder the test run reads the specs from (copied next to the test assembly).</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Highlighting");

    public static IReadOnlyList<SpecFile> All => LazyAll.Value;

    private static readonly Lazy<IReadOnlyList<SpecFile>> LazyAll = new(() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.md")
            .Where(path => !path.EndsWith(".actual.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new SpecFile(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))]);

    public static SpecExample Get(string spec, int number) =>
        All.Single(f => f.Name == spec).Examples.Single(e => e.Number == number);

    /// <summary>
    /// Writes NAME.actual.md beside the source spec (not the copy under bin/), with every expected block
    /// replaced by what the highlighter gives now, so a change can be reviewed with diff and copied over.
    /// Does nothing on CI, or when the source folder is not on this machine.
    /// </summary>
    public void WriteActual(Func<SpecExample, string> highlight)
    {
        string sourceDirectory = SourceDirectory();
        if (Environment.GetEnvironmentVariable("CI") is not null || !System.IO.Directory.Exists(sourceDirectory))
        {
            return;
        }
        var output = new StringBuilder();
        int line = 0;
        foreach (var (example, expectedStart, expectedEnd) in _examples)
        {
            for (; line < expectedStart; line++)
            {
                output.Append(_lines[line]).Append('\n');
            }
            string actual = highlight(example).Replace("\t", "→", StringComparison.Ordinal);
            if (actual.Length > 0 || expectedEnd > expectedStart)
            {
                output.Append(actual).Append('\n');
            }
            line = expectedEnd;
        }
        output.AppendJoin('\n', _lines[line..]);
        lock (LazyAll)
        {
            File.WriteAllText(Path.Combine(sourceDirectory, Name + ".actual.md"), output.ToString());
        }
    }

    private static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile) ?? "", "..", "TestData", "Highlighting"));

    [GeneratedRegex(@"^(`{3,})\s*example\s+(\S+)\s*$")]
    private static partial Regex ExampleFence();

    [GeneratedRegex(@"^#+\s+(.*)$")]
    private static partial Regex Heading();

    private void Parse()
    {
        string section = "";
        for (int i = 0; i < _lines.Length; i++)
        {
            if (Heading().Match(_lines[i]) is { Success: true } heading)
            {
                section = heading.Groups[1].Value.Trim();
                continue;
            }
            if (ExampleFence().Match(_lines[i]) is not { Success: true } fence)
            {
                continue;
            }
            int open = i;
            int ticks = fence.Groups[1].Length;
            int dot = -1;
            for (i++; i < _lines.Length && !IsClosingFence(_lines[i], ticks); i++)
            {
                if (dot < 0 && _lines[i] == ".")
                {
                    dot = i;
                }
            }
            if (i == _lines.Length || dot < 0)
            {
                throw new InvalidDataException($"{Name}.md:{open + 1}: an example needs a '.' line and a closing fence.");
            }
            var example = new SpecExample(
                Name,
                _examples.Count + 1,
                fence.Groups[2].Value,
                section,
                open + 1,
                Join(open + 1, dot),
                Join(dot + 1, i));
            _examples.Add((example, dot + 1, i));
        }
    }

    private static bool IsClosingFence(string line, int ticks) =>
        line.Length >= ticks && line.AsSpan().TrimEnd().ToString().All(c => c == '`');

    private string Join(int start, int end) =>
        string.Join('\n', _lines[start..end]).Replace("→", "\t", StringComparison.Ordinal);
}
