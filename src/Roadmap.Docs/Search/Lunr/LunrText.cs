using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>One token of <see cref="LunrText.Tokenize"/>: its text and where it sits in the lowercased input (UTF-16 units).</summary>
public readonly record struct LunrToken(string Text, int Start, int Length);

/// <summary>
/// lunr.js 2.3.9's text processing, exactly: the tokenizer, the builder pipeline (trimmer, stop-word filter, stemmer)
/// and the search pipeline (stemmer). Thread-safe.
/// </summary>
public static class LunrText
{
    /// <summary>The 119 words of lunr's <c>stopWordFilter</c> (lunr.js L1195–1313).</summary>
    public static FrozenSet<string> StopWords { get; } = FrozenSet.ToFrozenSet(
        [
            "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does",
            "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers",
            "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
            "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often",
            "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
            "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too",
            "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
            "will", "with", "would", "yet", "you", "your",
        ],
        StringComparer.Ordinal);

    // Raw token → what the builder pipeline makes of it (null: a stop word). Bounded, so hostile input cannot grow it forever.
    private const int MaxMemoEntries = 1 << 20;
    private static readonly ConcurrentDictionary<string, string?> IndexTermMemo = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> IndexTermLookup =
        IndexTermMemo.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly ConcurrentDictionary<string, string> StemMemo = new(StringComparer.Ordinal);
    private static int s_indexTermMemoCount;
    private static int s_stemMemoCount;

    /// <summary>
    /// lunr's tokenizer: lowercases like JS <c>toLowerCase</c>, then splits on JS <c>/[\s\-]+/</c>
    /// (which, unlike .NET's whitespace, includes U+FEFF and excludes U+0085, U+180E and U+200B). Null gives no tokens.
    /// </summary>
    public static IReadOnlyList<LunrToken> Tokenize(string? text) => [.. Tokens(text)];

    /// <summary>The terms lunr's builder indexes for a field value: tokenizer, then trimmer, stop-word filter and stemmer.</summary>
    public static IReadOnlyList<string> IndexTerms(string? text) =>
        [.. Tokens(text).Select(t => IndexTerm(t.Text)).OfType<string>()];

    private static List<LunrToken> Tokens(string? text)
    {
        var tokens = new List<LunrToken>();
        if (text is null)
        {
            return tokens;
        }
        string lower = JsLowerCase.ToLower(text);
        foreach (var (start, length) in EnumerateTokens(lower))
        {
            tokens.Add(new LunrToken(lower.Substring(start, length), start, length));
        }
        return tokens;
    }

    /// <summary>
    /// What lunr's search does to one query term before looking it up: the query parser's <c>toLowerCase</c>,
    /// then the search pipeline (the stemmer only: no trimmer, no stop words). Use it to route a term to its shard.
    /// </summary>
    public static string QueryTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return Stem(JsLowerCase.ToLower(term));
    }

    /// <summary>lunr's Porter stemmer applied to one (already lowercased) word, memoized.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (StemMemo.TryGetValue(word, out var stem))
        {
            return stem;
        }
        stem = PorterStemmer.Stem(word);
        if (Volatile.Read(ref s_stemMemoCount) < MaxMemoEntries && StemMemo.TryAdd(word, stem))
        {
            Interlocked.Increment(ref s_stemMemoCount);
        }
        return stem;
    }

    /// <summary>True for lunr's separators: JS <c>\s</c> (without the u flag) and '-'.</summary>
    internal static bool IsSeparator(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '-' => true,
        < '\u00A0' => false,
        '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F'
            or '\u3000' or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>The (start, length) of every token of an already lowercased text, without allocating.</summary>
    internal static TokenRanges EnumerateTokens(ReadOnlySpan<char> lower) => new(lower);

    internal ref struct TokenRanges(ReadOnlySpan<char> lower)
    {
        private readonly ReadOnlySpan<char> _lower = lower;
        private int _start;
        private int _end = -1;

        public readonly TokenRanges GetEnumerator() => this;

        public readonly (int Start, int Length) Current => (_start, _end - _start);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool MoveNext()
        {
            int i = _end + 1;
            var lower = _lower;
            while (i < lower.Length && IsSeparator(lower[i]))
            {
                i++;
            }
            if (i >= lower.Length)
            {
                return false;
            }
            _start = i;
            while (i < lower.Length && !IsSeparator(lower[i]))
            {
                i++;
            }
            _end = i;
            return true;
        }
    }

    /// <summary>The builder pipeline for one raw (lowercased) token: the term to index, or null for a stop word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static string? IndexTerm(ReadOnlySpan<char> token)
    {
        if (IndexTermLookup.TryGetValue(token, out var term))
        {
            return term;
        }
        term = RunIndexPipeline(token);
        if (Volatile.Read(ref s_indexTermMemoCount) < MaxMemoEntries && IndexTermLookup.TryAdd(token, term))
        {
            Interlocked.Increment(ref s_indexTermMemoCount);
        }
        return term;
    }

    private static string? RunIndexPipeline(ReadOnlySpan<char> token)
    {
        // trimmer: s.replace(/^\W+/, '').replace(/\W+$/, '') with JS's ASCII-only \W, so every non-ASCII char at either end
        // goes too; a token of punctuation only becomes "", which lunr keeps and indexes as a term.
        int start = 0;
        int end = token.Length;
        while (start < end && !IsAsciiWordChar(token[start]))
        {
            start++;
        }
        while (end > start && !IsAsciiWordChar(token[end - 1]))
        {
            end--;
        }
        string trimmed = token[start..end].ToString();
        return StopWords.Contains(trimmed) ? null : Stem(trimmed);
    }

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
