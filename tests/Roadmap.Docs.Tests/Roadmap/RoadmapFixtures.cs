using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

/// <summary>The seed roadmap and small document builders shared by the roadmap and visuals tests.</summary>
internal static class RoadmapFixtures
{
    public const string SeedSource = "roadmap/implementation-roadmap.md";

    /// <summary>tests/Roadmap.Docs.Tests/TestData/Roadmap in the source tree (golden files are written back there).</summary>
    public static string TestDataDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestData", "Roadmap"));

    public static Document SeedDocument() => new()
    {
        Source = SeedSource,
        Destination = "roadmap/implementation-roadmap/index.html",
        SourceText = File.ReadAllText(Path.Combine(TestDataDirectory(), "implementation-roadmap.md")),
        IsPage = true,
    };

    public static RoadmapModel Seed() => Read(SeedDocument());

    /// <summary>Reads documents and fails the test on any error diagnostic but a broken dependency (which some cases plant), so fixtures stay clean.</summary>
    public static RoadmapModel Read(params Document[] documents)
    {
        var diagnostics = new DiagnosticBag();
        var model = RoadmapReader.Read(documents, diagnostics);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.Severity == Severity.Error && d.RuleId != Docs.Stages.Lint.Rules.BrokenDependency.Id);
        return model;
    }

    /// <summary>
    /// A document with YAML front matter written out in <see cref="Document.SourceText"/> and the matching
    /// <see cref="FrontMatter"/> values, so every position (front matter and body) is a real line of the file.
    /// Values are strings (scalars) or string arrays (block sequences).
    /// </summary>
    public static Document Page(string source, string kind, string body, params (string Key, object Value)[] front)
    {
        var text = new StringBuilder("---\n");
        var values = ImmutableDictionary.CreateBuilder<string, FrontMatterValue>(StringComparer.Ordinal);
        var line = 2;
        foreach (var (key, value) in front)
        {
            if (value is string[] items)
            {
                text.Append(key).Append(":\n");
                var list = items.Select((item, i) => new FrontMatterValue(item, line + 1 + i, 5)).ToList();
                values[key] = new FrontMatterValue(list, line, key.Length + 3);
                foreach (var item in items)
                {
                    text.Append("  - ").Append(item).Append('\n');
                }
                line += 1 + items.Length;
            }
            else
            {
                text.Append(key).Append(": ").Append((string)value).Append('\n');
                values[key] = new FrontMatterValue(value, line, key.Length + 3);
                line++;
            }
        }
        text.Append("---\n");
        var stem = Path.GetFileNameWithoutExtension(source);
        var folder = Path.GetDirectoryName(source)!.Replace('\\', '/');
        return new Document
        {
            Source = source,
            Destination = $"{folder}/{stem}/index.html",
            Kind = kind,
            FrontMatter = new FrontMatter(values.ToImmutable()),
            SourceText = text + body,
            BodyLine = line + 1,
            IsPage = true,
        };
    }

    /// <summary>A roadmap document in the seed's own form, with no front matter.</summary>
    public static Document RoadmapDocument(string source, string text) => new()
    {
        Source = source,
        Destination = source.Replace(".md", "/index.html", StringComparison.Ordinal),
        SourceText = text,
        IsPage = true,
    };

    /// <summary>The source line holding <paramref name="text"/> (1-based), to check reported positions against the file itself.</summary>
    public static int LineOf(string sourceText, string text)
    {
        var lines = sourceText.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the source");
        return index + 1;
    }
}
