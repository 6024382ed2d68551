using System.Collections.Immutable;
using System.Globalization;

namespace Roadmap.Docs.Engine;

/// <summary>A front-matter value with the 1-based line and column it was written at.</summary>
public sealed record FrontMatterValue(object? Value, int Line, int Column);

/// <summary>
/// The user's front matter: read-only, keyed by name (case-sensitive, as written).
/// Scalars are kept as the strings the user wrote, sequences as IReadOnlyList&lt;FrontMatterValue&gt;,
/// mappings as IReadOnlyDictionary&lt;string, FrontMatterValue&gt;; typed accessors convert and say whether they could.
/// </summary>
public sealed record FrontMatter(ImmutableDictionary<string, FrontMatterValue> Values)
{
    public static FrontMatter Empty { get; } = new(ImmutableDictionary<string, FrontMatterValue>.Empty.WithComparers(StringComparer.Ordinal));

    public bool Contains(string key) => Values.ContainsKey(key);

    public FrontMatterValue? Get(string key) => Values.GetValueOrDefault(key);

    public string? GetString(string key) => Values.TryGetValue(key, out var v) ? v.Value as string : null;

    public int? GetInt(string key) =>
        int.TryParse(GetString(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public double? GetDouble(string key) =>
        double.TryParse(GetString(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public bool? GetBool(string key) => GetString(key)?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    public DateOnly? GetDate(string key) =>
        DateOnly.TryParseExact(GetString(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The scalar items of a list, each with its position: a YAML sequence, or a single scalar as a one-item list.</summary>
    public ImmutableArray<FrontMatterValue> GetItems(string key) => Values.GetValueOrDefault(key) switch
    {
        { Value: string s } v when s.Length > 0 => [v],
        { Value: IReadOnlyList<FrontMatterValue> list } => [.. list.Where(i => i.Value is string)],
        _ => [],
    };

    /// <summary>A list of strings: a YAML sequence of scalars, or a single scalar as a one-item list.</summary>
    public ImmutableArray<string> GetList(string key) => [.. GetItems(key).Select(i => (string)i.Value!)];

    public int LineOf(string key, int fallback) => Values.TryGetValue(key, out var v) ? v.Line : fallback;
}
