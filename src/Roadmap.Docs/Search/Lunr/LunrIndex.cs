using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// A built lunr.js 2.3.9 index: immutable, written as <c>JSON.stringify(index)</c>'s exact bytes, whole
/// (<see cref="WriteJson"/>), or split by term range into packed shards the browser expands (<see cref="LunrShards"/>).
/// </summary>
public sealed class LunrIndex
{
    /// <summary>The lunr version the JSON claims; <c>lunr.Index.load</c> warns on any other.</summary>
    public const string LunrVersion = "2.3.9";

    private readonly string[] _fields;
    private readonly string[] _refs;
    private readonly string[] _terms;
    // [term * fieldCount + field] → document ordinals in add order.
    private readonly int[][] _postings;
    // Field vector of fieldRef r (= doc * fieldCount + field): elements _vectorStart[r] .. _vectorStart[r + 1], by term id.
    private readonly int[] _vectorStart;
    private readonly int[] _vectorTerms;
    private readonly double[] _vectorValues;
    // Term ids in JS default sort order (UTF-16 code units), as lunr serializes and TokenSet.Builder requires.
    private readonly int[] _sortedTermIds;

    internal LunrIndex(
        string[] fields, string[] refs, string[] terms, int[][] postings, int[] vectorStart, int[] vectorTerms, double[] vectorValues)
    {
        _fields = fields;
        _refs = refs;
        _terms = terms;
        _postings = postings;
        _vectorStart = vectorStart;
        _vectorTerms = vectorTerms;
        _vectorValues = vectorValues;
        _sortedTermIds = [.. Enumerable.Range(0, terms.Length)];
        Array.Sort((string[])terms.Clone(), _sortedTermIds, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Document refs in the order they were added.</summary>
    public IReadOnlyList<string> DocumentRefs => _refs;

    public int TermCount => _terms.Length;

    /// <summary>The term at a position of the serialization order (ordinal), which is the order shards partition terms in.</summary>
    internal string SortedTerm(int position) => _terms[_sortedTermIds[position]];

    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new JsJsonWriter(stream);
        Write(writer);
    }

    public string ToJson() => JsJsonWriter.ToText(WriteJson);

    /// <summary>
    /// An estimate of the bytes that term's entry adds to a packed shard (<see cref="WritePacked"/>): the term, its id,
    /// and a document number and score per posting. Used to balance shards.
    /// </summary>
    internal long SerializedCost(int sortedPosition)
    {
        int term = _sortedTermIds[sortedPosition];
        long cost = _terms[term].Length + 12;
        for (int f = 0; f < _fields.Length; f++)
        {
            // "[…]," plus "123,0.456," per document.
            cost += 3 + (10L * _postings[(term * _fields.Length) + f].Length);
        }
        return cost;
    }

    /// <summary>
    /// Each posting's score, in the posting's document order: [term * fieldCount + field][i] is the field vector value of
    /// the term for document <c>_postings[…][i]</c>. Every posting has exactly one vector element and vice versa (lunr
    /// makes both from the same term frequencies), so a shard can carry the vectors inside its postings.
    /// </summary>
    internal double[][] PostingScores()
    {
        int fieldCount = _fields.Length;
        var scores = new double[_postings.Length][];
        for (int slot = 0; slot < scores.Length; slot++)
        {
            scores[slot] = _postings[slot].Length == 0 ? [] : new double[_postings[slot].Length];
        }
        // Field refs ascend by document, so each posting fills in its documents' order.
        var filled = new int[_postings.Length];
        for (int fieldRef = 0; fieldRef + 1 < _vectorStart.Length; fieldRef++)
        {
            int field = fieldRef % fieldCount;
            for (int e = _vectorStart[fieldRef]; e < _vectorStart[fieldRef + 1]; e++)
            {
                int slot = (_vectorTerms[e] * fieldCount) + field;
                scores[slot][filled[slot]++] = _vectorValues[e];
            }
        }
        return scores;
    }

    /// <summary>
    /// Writes the terms at sorted positions [<paramref name="from"/>, <paramref name="to"/>) as a packed shard:
    /// <c>{"terms":[[term, _index, postings of field 0, postings of field 1, …], …]}</c>, each field's postings a flat list
    /// <c>[document, score, document, score, …]</c> with each document number the gap from the one before (the first from
    /// 0). Document numbers are positions in <see cref="DocumentRefs"/>; the scores are the field vector values. The
    /// browser expands it into lunr's own form (theme/assets/js/search/lunr-shards.js, <c>expandShard</c>): about a
    /// quarter of the bytes, since lunr's form names every document twice per term, once in the posting and once in
    /// the vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void WritePacked(JsJsonWriter w, int from, int to, double[][] scores)
    {
        int fieldCount = _fields.Length;
        w.Raw("{\"terms\":[");
        for (int position = from; position < to; position++)
        {
            int term = _sortedTermIds[position];
            if (position > from)
            {
                w.Raw(',');
            }
            w.Raw('[');
            w.String(_terms[term]);
            w.Raw(',');
            w.Integer(term);
            for (int f = 0; f < fieldCount; f++)
            {
                int slot = (term * fieldCount) + f;
                var docs = _postings[slot];
                var values = scores[slot];
                w.Raw(",[");
                for (int i = 0, previous = 0; i < docs.Length; i++)
                {
                    if (i > 0)
                    {
                        w.Raw(',');
                    }
                    w.Integer(docs[i] - previous);
                    w.Raw(',');
                    w.Number(values[i]);
                    previous = docs[i];
                }
                w.Raw(']');
            }
            w.Raw(']');
        }
        w.Raw("]}");
    }

    /// <summary>Writes the whole index as <c>JSON.stringify(index)</c> would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(JsJsonWriter w)
    {
        int fieldCount = _fields.Length;
        w.Raw("{\"version\":");
        w.String(LunrVersion);
        w.Raw(",\"fields\":");
        w.StringArray(_fields);

        w.Raw(",\"fieldVectors\":[");
        for (int fieldRef = 0; fieldRef + 1 < _vectorStart.Length; fieldRef++)
        {
            if (fieldRef > 0)
            {
                w.Raw(',');
            }
            w.Raw('[');
            w.String(_fields[fieldRef % fieldCount], '/', _refs[fieldRef / fieldCount]);
            w.Raw(",[");
            for (int e = _vectorStart[fieldRef]; e < _vectorStart[fieldRef + 1]; e++)
            {
                if (e > _vectorStart[fieldRef])
                {
                    w.Raw(',');
                }
                w.Integer(_vectorTerms[e]);
                w.Raw(',');
                w.Number(_vectorValues[e]);
            }
            w.Raw("]]");
        }

        w.Raw("],\"invertedIndex\":[");
        var postingRefs = new PostingRefs(_refs);
        for (int position = 0; position < _terms.Length; position++)
        {
            int term = _sortedTermIds[position];
            if (position > 0)
            {
                w.Raw(',');
            }
            w.Raw('[');
            w.String(_terms[term]);
            w.Raw(",{\"_index\":");
            w.Integer(term);
            for (int f = 0; f < fieldCount; f++)
            {
                w.Raw(',');
                w.String(_fields[f]);
                w.Raw(':');
                postingRefs.Write(w, _postings[(term * fieldCount) + f]);
            }
            w.Raw("}]");
        }
        w.Raw("],\"pipeline\":[\"stemmer\"]}");
    }

    /// <summary>
    /// Writes a posting's refs in JS key order, as <c>JSON.stringify</c> lists an object's keys. Only the whole index's JSON
    /// has postings keyed by ref (packed shards number their documents), so this is made when that is written.
    /// </summary>
    private sealed class PostingRefs
    {
        // JS own-key order puts array-index keys ("0".."4294967294") first, ascending: the ref's numeric value, or -1.
        private readonly long[] _refArrayIndex;
        private readonly bool _anyArrayIndexRef;
        // Refs "0", "1", "2"… added in that order are already in JS key order: no sort per posting.
        private readonly bool _arrayIndexRefsAscending;
        // Each ref as a posting entry, "ref":{}, already in UTF-8: written millions of times.
        private readonly byte[][] _postingKeys;

        public PostingRefs(string[] refs)
        {
            _refArrayIndex = [.. refs.Select(ArrayIndexValue)];
            _anyArrayIndexRef = _refArrayIndex.Any(v => v >= 0);
            long[] numericRefs = [.. _refArrayIndex.Where(v => v >= 0)];
            _arrayIndexRefsAscending = numericRefs.Zip(numericRefs.Skip(1)).All(pair => pair.First < pair.Second);
            _postingKeys = [.. refs.Select(r => JsJsonWriter.Encode(w =>
            {
                w.String(r);
                w.Raw(":{}");
            }))];
        }

        /// <summary>A posting's <c>{"ref":{},…}</c>: array-index refs first by value (JS key order), then the rest in add order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(JsJsonWriter w, int[] docs)
        {
            w.Raw('{');
            bool first = true;
            if (!_anyArrayIndexRef)
            {
                foreach (int doc in docs)
                {
                    WriteKey(w, doc, ref first);
                }
            }
            else
            {
                int[] numeric = [.. docs.Where(d => _refArrayIndex[d] >= 0)];
                if (!_arrayIndexRefsAscending)
                {
                    Array.Sort(numeric, (a, b) => _refArrayIndex[a].CompareTo(_refArrayIndex[b]));
                }
                foreach (int doc in numeric)
                {
                    WriteKey(w, doc, ref first);
                }
                foreach (int doc in docs)
                {
                    if (_refArrayIndex[doc] < 0)
                    {
                        WriteKey(w, doc, ref first);
                    }
                }
            }
            w.Raw('}');
        }

        private void WriteKey(JsJsonWriter w, int doc, ref bool first)
        {
            if (!first)
            {
                w.Raw(',');
            }
            first = false;
            w.Raw(_postingKeys[doc]);
        }
    }

    /// <summary>The value of a JS array-index key: canonical decimal 0 … 4294967294 (no sign, no leading zero), else -1.</summary>
    internal static long ArrayIndexValue(string key)
    {
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0') || !key.All(char.IsAsciiDigit))
        {
            return -1;
        }
        long value = long.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
        return value <= 4294967294L ? value : -1;
    }
}
