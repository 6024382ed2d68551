using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// A built lunr.js 2.3.9 index: immutable, written as <c>JSON.stringify(index)</c>'s exact bytes, whole
/// (<see cref="WriteJson"/>) or split by term range (<see cref="LunrShards"/>).
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
    // JS own-key order puts array-index keys ("0".."4294967294") first, ascending: the ref's numeric value, or -1.
    private readonly long[] _refArrayIndex;
    private readonly bool _anyArrayIndexRef;
    // Refs "0", "1", "2"… added in that order are already in JS key order: no sort per posting.
    private readonly bool _arrayIndexRefsAscending;
    // Each ref as a posting entry, "ref":{}, already in UTF-8: written millions of times.
    private readonly byte[][] _postingKeys;

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

    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Document refs in the order they were added.</summary>
    public IReadOnlyList<string> DocumentRefs => _refs;

    public int TermCount => _terms.Length;

    /// <summary>The term at a position of the serialization order (ordinal), which is the order shards partition terms in.</summary>
    internal string SortedTerm(int position) => _terms[_sortedTermIds[position]];

    /// <summary>The id (lunr "_index") of the term at a position of the serialization order.</summary>
    internal int SortedTermId(int position) => _sortedTermIds[position];

    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new JsJsonWriter(stream);
        Write(writer, 0, _terms.Length, vectors: null);
    }

    public string ToJson() => JsJsonWriter.ToText(WriteJson);

    /// <summary>
    /// An estimate of the bytes that term's entries add to the JSON (its posting, and one vector element per document field
    /// that holds it), used to balance shards.
    /// </summary>
    internal long SerializedCost(int sortedPosition)
    {
        int term = _sortedTermIds[sortedPosition];
        long cost = _terms[term].Length + 16;
        for (int f = 0; f < _fields.Length; f++)
        {
            cost += _fields[f].Length + 5;
            foreach (int doc in _postings[(term * _fields.Length) + f])
            {
                // "ref":{}, plus "123,0.456," in that field's vector.
                cost += _refs[doc].Length + 6 + 12;
            }
        }
        return cost;
    }

    /// <summary>
    /// One shard's part of the field vectors: the fieldRefs (in order) that hold any of its terms, and for each the
    /// positions of those terms' elements. Made for all shards in one pass (<see cref="SplitVectors"/>), so writing a shard
    /// reads only its own elements, not every vector of the index.
    /// </summary>
    internal sealed record ShardVectors(int[] FieldRefs, int[] GroupStart, int[] Elements);

    /// <summary>Each shard's field vector elements, given which shard each term id is in.</summary>
    internal ShardVectors[] SplitVectors(int[] shardOfTerm, int shardCount)
    {
        // Two passes over the elements: count each shard's groups and elements, then fill arrays of exactly that size.
        int fieldRefCount = _vectorStart.Length - 1;
        var groups = new int[shardCount];
        var sizes = new int[shardCount];
        var lastFieldRef = new int[shardCount];
        Array.Fill(lastFieldRef, -1);
        for (int fieldRef = 0; fieldRef < fieldRefCount; fieldRef++)
        {
            for (int e = _vectorStart[fieldRef]; e < _vectorStart[fieldRef + 1]; e++)
            {
                int s = shardOfTerm[_vectorTerms[e]];
                if (lastFieldRef[s] != fieldRef)
                {
                    lastFieldRef[s] = fieldRef;
                    groups[s]++;
                }
                sizes[s]++;
            }
        }
        var shards = new ShardVectors[shardCount];
        for (int s = 0; s < shardCount; s++)
        {
            var groupStart = new int[groups[s] + 1];
            groupStart[^1] = sizes[s];
            shards[s] = new ShardVectors(new int[groups[s]], groupStart, new int[sizes[s]]);
        }
        Array.Fill(lastFieldRef, -1);
        Array.Clear(groups);
        Array.Clear(sizes);
        for (int fieldRef = 0; fieldRef < fieldRefCount; fieldRef++)
        {
            for (int e = _vectorStart[fieldRef]; e < _vectorStart[fieldRef + 1]; e++)
            {
                int s = shardOfTerm[_vectorTerms[e]];
                var shard = shards[s];
                if (lastFieldRef[s] != fieldRef)
                {
                    lastFieldRef[s] = fieldRef;
                    shard.FieldRefs[groups[s]] = fieldRef;
                    shard.GroupStart[groups[s]] = sizes[s];
                    groups[s]++;
                }
                shard.Elements[sizes[s]++] = e;
            }
        }
        return shards;
    }

    /// <summary>
    /// Writes the index, or one shard of it: the terms at sorted positions [<paramref name="from"/>, <paramref name="to"/>),
    /// and (when <paramref name="vectors"/> is given) only the vector elements of that shard's terms, for only the fieldRefs
    /// that hold them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Write(JsJsonWriter w, int from, int to, ShardVectors? vectors)
    {
        int fieldCount = _fields.Length;
        w.Raw("{\"version\":");
        w.String(LunrVersion);
        w.Raw(",\"fields\":");
        w.StringArray(_fields);

        w.Raw(",\"fieldVectors\":[");
        int vectorCount = vectors?.FieldRefs.Length ?? (_vectorStart.Length - 1);
        for (int v = 0; v < vectorCount; v++)
        {
            int fieldRef = vectors?.FieldRefs[v] ?? v;
            if (v > 0)
            {
                w.Raw(',');
            }
            w.Raw('[');
            w.String(_fields[fieldRef % fieldCount], '/', _refs[fieldRef / fieldCount]);
            w.Raw(",[");
            int first = vectors?.GroupStart[v] ?? _vectorStart[fieldRef];
            int end = vectors?.GroupStart[v + 1] ?? _vectorStart[fieldRef + 1];
            for (int i = first; i < end; i++)
            {
                int e = vectors?.Elements[i] ?? i;
                if (i > first)
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
        for (int position = from; position < to; position++)
        {
            int term = _sortedTermIds[position];
            if (position > from)
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
                WritePostingRefs(w, _postings[(term * fieldCount) + f]);
            }
            w.Raw("}]");
        }
        w.Raw("],\"pipeline\":[\"stemmer\"]}");
    }

    /// <summary>A posting's <c>{"ref":{},…}</c>: array-index refs first by value (JS key order), then the rest in add order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WritePostingRefs(JsJsonWriter w, int[] docs)
    {
        w.Raw('{');
        bool first = true;
        if (!_anyArrayIndexRef)
        {
            foreach (int doc in docs)
            {
                WritePostingKey(w, doc, ref first);
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
                WritePostingKey(w, doc, ref first);
            }
            foreach (int doc in docs)
            {
                if (_refArrayIndex[doc] < 0)
                {
                    WritePostingKey(w, doc, ref first);
                }
            }
        }
        w.Raw('}');
    }

    private void WritePostingKey(JsJsonWriter w, int doc, ref bool first)
    {
        if (!first)
        {
            w.Raw(',');
        }
        first = false;
        w.Raw(_postingKeys[doc]);
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
