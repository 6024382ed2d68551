using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Roadmap.Docs.Configuration;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>
/// The XSS corpus (TestData/Xss/vectors.txt) written into a knowledge base: [html] vectors as HTML blocks and inline
/// HTML, [url] vectors as markdown link, image, reference, autolink and raw anchor URLs, [text] vectors as front-matter
/// titles, descriptions, tags, owners and services (runbooks) and as a phase's title and owner (roadmap pages).
/// Built once per raw_html mode per test run.
/// </summary>
public static class XssCorpus
{
    /// <summary>A word every corpus page has, to search for.</summary>
    public const string SearchWord = "zebrafish";

    private static readonly ConcurrentDictionary<RawHtmlMode, Lazy<Task<(string Output, BuildResult Result)>>> Builds = new();

    public static IReadOnlyList<string> Html => Sections.Value["html"];

    public static IReadOnlyList<string> Urls => Sections.Value["url"];

    public static IReadOnlyList<string> Text => Sections.Value["text"];

    public static string Folder => Path.Combine(TestPaths.TestData, "Xss");

    private static readonly Lazy<Dictionary<string, List<string>>> Sections = new(Read);

    /// <summary>The corpus site built with <paramref name="mode"/> (lint rules about links and runbooks are off: the vectors break them).</summary>
    public static Task<(string Output, BuildResult Result)> BuildAsync(RawHtmlMode mode) =>
        Builds.GetOrAdd(mode, m => new Lazy<Task<(string, BuildResult)>>(() => BuildOnceAsync(m))).Value;

    /// <summary>The input folder a corpus build at <paramref name="output"/> was made from.</summary>
    public static string InputOf(string output) => Path.Combine(Path.GetDirectoryName(output)!, "input");

    /// <summary>Every built HTML page, relative to the site root with '/'.</summary>
    public static IReadOnlyList<string> Pages(string output) =>
        [.. Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static async Task<(string, BuildResult)> BuildOnceAsync(RawHtmlMode mode)
    {
        var root = Path.Combine(Path.GetTempPath(), "roadmap-docs-tests", $"xss-{Environment.ProcessId}", RawHtmlModes.Name(mode));
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        var input = Path.Combine(root, "input");
        WriteInput(input);
        var output = Path.Combine(root, "site");
        var result = await SiteBuild.RunAsync(TestBuild.Options(input, output) with { RawHtml = mode });
        return (output, result);
    }

    /// <summary>Writes the corpus knowledge base into <paramref name="input"/>.</summary>
    public static void WriteInput(string input)
    {
        void Write(string relative, string text)
        {
            var path = Path.Combine(input, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Write("site.yml", """
            title: XSS corpus
            lint:
              rules:
                broken-link: off
                broken-anchor: off
                duplicate-id: off
                runbook-field: off
                runbook-stale: off
                runbook-section: off
            """);
        File.Copy(Path.Combine(Folder, "payload.js"), Path.Combine(input, "payload.js"));
        Write("index.md", $"---\ntitle: XSS corpus\n---\n\nEvery page here carries hostile input ({SearchWord}).\n");

        var chunk = 0;
        foreach (var vectors in Html.Chunk(12))
        {
            chunk++;
            var blocks = new StringBuilder($"---\ntitle: HTML blocks {chunk}\n---\n\n{SearchWord} blocks\n\n");
            var inline = new StringBuilder($"---\ntitle: Inline HTML {chunk}\n---\n\n{SearchWord} inline\n\n");
            foreach (var vector in vectors)
            {
                blocks.Append(vector).Append("\n\n");
                inline.Append("Before ").Append(vector).Append(" after.\n\n");
            }
            Write($"html-blocks-{chunk}.md", blocks.ToString());
            Write($"html-inline-{chunk}.md", inline.ToString());
        }

        var urls = new StringBuilder($"---\ntitle: Link URLs\n---\n\n{SearchWord} links\n\n");
        var references = new StringBuilder();
        for (var i = 0; i < Urls.Count; i++)
        {
            var url = Urls[i];
            urls.Append(CultureInfo.InvariantCulture, $"[link {i}]({url}) ![image {i}]({url}) [reference {i}][r{i}] <{url}> <a href=\"{url}\">anchor {i}</a>\n\n");
            references.Append(CultureInfo.InvariantCulture, $"[r{i}]: {url}\n");
        }
        Write("links.md", urls.Append('\n').Append(references).ToString());

        for (var i = 0; i < Text.Count; i++)
        {
            var value = Yaml(Text[i]);
            Write($"runbooks/text-{i}.md", $"""
                ---
                title: {value}
                description: {value}
                kind: runbook
                tags: [{value}, plain]
                owner: {value}
                service: {value}
                severity: sev2
                last_reviewed: 2026-11-01
                ---

                A runbook whose front matter is hostile ({SearchWord}).

                ## Symptoms

                Nothing runs.

                """);
        }
        Write("roadmap/index.md", $"---\ntitle: Roadmap\nkind: roadmap\n---\n\nThe roadmap ({SearchWord}).\n");
        for (var i = 0; i < 2; i++)
        {
            Write($"roadmap/phase-{i + 1}.md", $"""
                ---
                title: {Yaml(Text[i])}
                kind: phase
                phase: {i + 1}
                weeks: {(2 * i) + 1}-{(2 * i) + 2}
                owner: {Yaml(Text[i + 2])}
                status: in-progress
                ---

                A phase ({SearchWord}).

                ## Deliverables

                - [x] {Text[i + 2].Replace("\u2028", " ", StringComparison.Ordinal)}
                - [ ] Second

                """);
        }
    }

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="text"/>.</summary>
    public static string Yaml(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    private static Dictionary<string, List<string>> Read()
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "vectors.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith('[') && line.EndsWith(']') && !line.Contains(' ', StringComparison.Ordinal))
            {
                sections[line[1..^1]] = current = [];
                continue;
            }
            current?.Add(Unescape(line));
        }
        return sections;
    }

    /// <summary>Turns <c>\uXXXX</c> into its character; everything else stays as written.</summary>
    private static string Unescape(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 5 < line.Length && line[i + 1] == 'u'
                && int.TryParse(line.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 5;
                continue;
            }
            sb.Append(line[i]);
        }
        return sb.ToString();
    }
}
