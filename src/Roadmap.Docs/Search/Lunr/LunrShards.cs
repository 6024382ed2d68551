namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// Splits a <see cref="LunrIndex"/> by term into shards the browser loads on demand, plus a manifest that says which
/// shard holds which terms.
/// </summary>
/// <remarks>
/// <para>
/// Shards are disjoint, contiguous ranges of the sorted term list. Shard i holds every term t with
/// <c>from[i] &lt;= t &lt; from[i + 1]</c> (JS string comparison, i.e. UTF-16 code units; <c>from[0]</c> is ""), so the
/// browser finds a term's shard from the term alone. Each <c>from</c> is the shortest prefix of the shard's first term
/// that sorts after the previous shard's last term. A shard is packed (<see cref="LunrIndex.WritePacked"/>): its terms
/// with their postings, each posting with its field vector value, documents by number. <c>expandShard</c> in
/// theme/assets/js/search/lunr-shards.js turns it into lunr's own form, a valid index for <c>lunr.Index.load</c>: all
/// fields, its terms' postings (refs from the manifest), the pipeline, and the fieldVectors of the fieldRefs its
/// postings name, keeping only the elements of its own terms.
/// </para>
/// <para>
/// Scores cannot be added up across shards (a document's score divides by the norm of the whole query vector), so the
/// browser merges the shards a query needs into ONE index and searches that (theme/assets/js/search/lunr-shards.js):
/// </para>
/// <list type="number">
/// <item>Parse the query with <c>lunr.QueryParser</c>. For each clause: if it has an edit distance (<c>~1</c>) or its
/// term starts with <c>*</c>, it may match any term: load every shard. Else if its term has a <c>*</c>, load
/// <see cref="ShardsForPrefix"/> of the part before it (a prefix can span shards). Else run the clause term through the
/// search pipeline (the stemmer, see <see cref="LunrText.QueryTerm"/>) and load <see cref="ShardForTerm"/> of it.
/// Prohibited (<c>-</c>) clauses need their shard loaded too.</item>
/// <item>Expand each shard as it arrives. Merge every loaded shard (any superset of the needed ones gives the same
/// results): concatenate their <c>invertedIndex</c> arrays in shard order (ranges ascend, so the result stays sorted, as
/// TokenSet.Builder requires); build <c>fieldVectors</c> for every fieldRef in manifest order (each ref in <c>refs</c>, each field in
/// <c>fields</c>, as "field/ref"), its elements being the loaded shards' element lists for that fieldRef merged by term
/// index ([] if none). The full fieldRef list keeps negated queries (<c>-term</c> only) exact: they list every fieldRef.</item>
/// <item>Call <c>lunr.Index.load</c> once on <c>{version, fields, fieldVectors, invertedIndex, pipeline}</c> and search.</item>
/// </list>
/// <para>
/// That gives the same refs, order and scores as the unsharded index: every term a clause can expand to is loaded,
/// each matched term's vector elements are all in its shard, and dot products only visit matched terms, in the same order.
/// </para>
/// </remarks>
public sealed class LunrShards
{
    private readonly LunrIndex _index;
    private readonly string[] _from;
    // Sorted-term position where each shard starts; one extra entry at the end.
    private readonly int[] _start;
    // Each posting's score (its field vector value), in posting order.
    private readonly double[][] _scores;
    private readonly string _fileNamePrefix;

    private LunrShards(LunrIndex index, string[] from, int[] start, string fileNamePrefix)
    {
        _index = index;
        _from = from;
        _start = start;
        _fileNamePrefix = fileNamePrefix;
        _scores = index.PostingScores();
    }

    /// <summary>
    /// Splits <paramref name="index"/> into at most <paramref name="shardCount"/> shards of about equal JSON size
    /// (fewer when there are fewer terms, at least one).
    /// </summary>
    public static LunrShards Create(LunrIndex index, int shardCount, string fileNamePrefix = "search-index")
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentException.ThrowIfNullOrEmpty(fileNamePrefix);

        int termCount = index.TermCount;
        var costs = new long[termCount];
        long total = 0;
        for (int position = 0; position < termCount; position++)
        {
            costs[position] = index.SerializedCost(position);
            total += costs[position];
        }

        var from = new List<string> { "" };
        var start = new List<int> { 0 };
        long cumulative = 0;
        for (int position = 0; position < termCount; position++)
        {
            // Start shard k at the first term whose preceding terms weigh at least k/N of the total.
            if (position > 0 && from.Count < shardCount && cumulative * shardCount >= total * from.Count)
            {
                from.Add(Boundary(index.SortedTerm(position - 1), index.SortedTerm(position)));
                start.Add(position);
            }
            cumulative += costs[position];
        }
        start.Add(termCount);
        return new LunrShards(index, [.. from], [.. start], fileNamePrefix);
    }

    /// <summary>The shortest prefix of <paramref name="next"/> that sorts after <paramref name="previous"/> (previous &lt; next).</summary>
    internal static string Boundary(string previous, string next)
    {
        int common = previous.AsSpan().CommonPrefixLength(next);
        return next[..Math.Min(common + 1, next.Length)];
    }

    public int Count => _from.Length;

    /// <summary>The first term (or a prefix of it) of each shard; shard 0 starts at "".</summary>
    public IReadOnlyList<string> From => _from;

    /// <summary>The file name of a shard, as the manifest gives it: "{prefix}-{shard}.json".</summary>
    public string FileName(int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Count);
        return $"{_fileNamePrefix}-{shard.ToString(System.Globalization.CultureInfo.InvariantCulture)}.json";
    }

    /// <summary>Number of terms in a shard.</summary>
    public int TermCount(int shard) => _start[shard + 1] - _start[shard];

    /// <summary>The shard that holds <paramref name="term"/> (an index term: lowercased and stemmed) if the index has it.</summary>
    public int ShardForTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        // The last shard whose from <= term.
        int lo = 0;
        int hi = _from.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (string.CompareOrdinal(_from[mid], term) <= 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /// <summary>Every shard that can hold a term starting with <paramref name="prefix"/> (a wildcard query "prefix*").</summary>
    public IReadOnlyList<int> ShardsForPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var shards = new List<int> { ShardForTerm(prefix) };
        // Any later shard that starts inside the prefix's range [prefix, prefix + U+FFFF…) starts with the prefix.
        for (int shard = shards[0] + 1; shard < _from.Length && _from[shard].StartsWith(prefix, StringComparison.Ordinal); shard++)
        {
            shards.Add(shard);
        }
        return shards;
    }

    public void WriteShardJson(int shard, Stream stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Count);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new JsJsonWriter(stream);
        _index.WritePacked(writer, _start[shard], _start[shard + 1], _scores);
    }

    public string ShardJson(int shard) => JsJsonWriter.ToText(stream => WriteShardJson(shard, stream));

    /// <summary>
    /// The manifest: <c>{"version":"2.3.9","fields":[…],"pipeline":["stemmer"],"refs":[…],"shards":[{"from":"","file":"…"},…]}</c>.
    /// <c>refs</c> lists every document ref in add order (the merged index's fieldVectors order).
    /// </summary>
    public void WriteManifestJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new JsJsonWriter(stream);
        w.Raw("{\"version\":");
        w.String(LunrIndex.LunrVersion);
        w.Raw(",\"fields\":");
        w.StringArray(_index.Fields);
        w.Raw(",\"pipeline\":[\"stemmer\"],\"refs\":");
        w.StringArray(_index.DocumentRefs);
        w.Raw(",\"shards\":");
        w.Join('[', ']', Enumerable.Range(0, Count), shard =>
        {
            w.Raw("{\"from\":");
            w.String(_from[shard]);
            w.Raw(",\"file\":");
            w.String(FileName(shard));
            w.Raw('}');
        });
        w.Raw('}');
    }

    public string ManifestJson() => JsJsonWriter.ToText(WriteManifestJson);
}
