using System.Collections.Frozen;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>A fixed set of words (keywords, builtins) looked up by span, so lexers never allocate a string per token.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordSet(string words, StringComparer comparer)
    {
        var set = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(comparer);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A case-sensitive set of the whitespace-separated <paramref name="words"/>.</summary>
    public static WordSet Of(string words) => new(words, StringComparer.Ordinal);

    /// <summary>A set of the whitespace-separated <paramref name="words"/> that ignores ASCII case (SQL, Dockerfile).</summary>
    public static WordSet IgnoreCase(string words) => new(words, StringComparer.OrdinalIgnoreCase);

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
