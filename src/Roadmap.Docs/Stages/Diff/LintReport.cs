using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roadmap.Docs.Stages.Diff;

/// <summary>One diagnostic as the <c>lint --format json</c> output writes it.</summary>
public sealed record LintEntry(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("hint")] string? Hint)
{
    /// <summary>What makes two diagnostics "the same" across commits: an edit above a problem moves its line, not its identity.</summary>
    [JsonIgnore]
    public (string Rule, string File, string Message) Key => (Rule, File, Message);
}

/// <summary>Reads and compares the JSON diagnostics lists written by <c>lint --format json</c> (<see cref="Lint.DiagnosticFormats.JsonList"/>).</summary>
public static class LintReport
{
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="JsonException">The file is not a JSON array of diagnostics.</exception>
    public static IReadOnlyList<LintEntry> Read(string file) =>
        JsonSerializer.Deserialize<List<LintEntry>>(File.ReadAllText(file)) ?? throw new JsonException($"'{file}' holds null, not a list of diagnostics");

    /// <summary>The diagnostics only <paramref name="head"/> has (introduced) and only <paramref name="base"/> has (fixed), counting repeats.</summary>
    public static (IReadOnlyList<LintEntry> Introduced, IReadOnlyList<LintEntry> Fixed) Compare(IReadOnlyList<LintEntry> @base, IReadOnlyList<LintEntry> head) =>
        (Minus(head, @base), Minus(@base, head));

    private static List<LintEntry> Minus(IReadOnlyList<LintEntry> from, IReadOnlyList<LintEntry> take)
    {
        var left = take.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Count());
        var rest = new List<LintEntry>();
        foreach (var entry in from)
        {
            if (left.TryGetValue(entry.Key, out var n) && n > 0)
            {
                left[entry.Key] = n - 1;
            }
            else
            {
                rest.Add(entry);
            }
        }
        return rest;
    }
}
