using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>One field of one document after the pipeline: its distinct terms (provisional ids) in first-seen order, their counts, its length.</summary>
internal readonly record struct AnalysedField(int[] Terms, int[] Counts, int Length);

/// <summary>
/// Runs lunr's tokenizer and builder pipeline over field values on several threads for one build. Each distinct term gets a
/// provisional id (in no particular order) so that counting and the builder's later pass use arrays, not hashing; the
/// builder renumbers them in lunr's first-seen order.
/// </summary>
internal sealed class FieldAnalyzer
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _nextId;

    /// <summary>An upper bound of the provisional ids handed out.</summary>
    public int IdCount => Volatile.Read(ref _nextId);

    /// <summary>The term of each provisional id (an id lost to a race has none and is never used).</summary>
    public string[] Terms()
    {
        var terms = new string[IdCount];
        foreach (var (term, id) in _ids)
        {
            terms[id] = term;
        }
        return terms;
    }

    private int IdOf(string term) => _ids.GetOrAdd(term, static (_, self) => Interlocked.Increment(ref self._nextId) - 1, this);

    /// <summary>Per-thread state: a raw token → id cache and counting arrays. Not thread-safe; use one per thread.</summary>
    public sealed class Worker(FieldAnalyzer owner)
    {
        // Raw lowercased token → provisional id, or -1 for a stop word.
        private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
        private int[] _counts = new int[1024];
        private char[] _lower = new char[4096];
        private readonly List<int> _seen = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public AnalysedField Analyse(string? text)
        {
            if (text is null)
            {
                return new AnalysedField([], [], 0);
            }
            var tokenIds = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
            var seen = _seen;
            seen.Clear();
            int length = 0;
            // Lowercased into this worker's buffer (the text is not kept; only new tokens become strings).
            if (_lower.Length < text.Length)
            {
                _lower = new char[Math.Max(text.Length, _lower.Length * 2)];
            }
            ReadOnlySpan<char> lower = JsLowerCase.TryToLowerSameLength(text, _lower)
                ? _lower.AsSpan(0, text.Length)
                : JsLowerCase.ToLower(text);
            foreach (var (start, tokenLength) in LunrText.EnumerateTokens(lower))
            {
                var token = lower.Slice(start, tokenLength);
                if (!tokenIds.TryGetValue(token, out int id))
                {
                    id = LunrText.IndexTerm(token) is { } term ? owner.IdOf(term) : -1;
                    tokenIds[token] = id;
                }
                if (id < 0)
                {
                    continue;
                }
                length++;
                if (id >= _counts.Length)
                {
                    Array.Resize(ref _counts, Math.Max(_counts.Length * 2, id + 1));
                }
                if (_counts[id]++ == 0)
                {
                    seen.Add(id);
                }
            }
            var terms = new int[seen.Count];
            var counts = new int[seen.Count];
            for (int i = 0; i < terms.Length; i++)
            {
                terms[i] = seen[i];
                counts[i] = _counts[seen[i]];
                _counts[seen[i]] = 0;
            }
            return new AnalysedField(terms, counts, length);
        }
    }
}
