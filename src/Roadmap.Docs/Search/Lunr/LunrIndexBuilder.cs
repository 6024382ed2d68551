using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// Builds a lunr.js 2.3.9 index in .NET whose JSON is byte-identical to <c>JSON.stringify(lunr(...))</c> for the same
/// fields, boosts and documents (added in the same order). Declare every field first, then add documents, then
/// <see cref="Build"/> (or write the JSON directly). Not thread-safe (one builder, one thread); <see cref="Build"/> itself
/// analyses the documents' text in parallel.
/// </summary>
/// <remarks>
/// Defaults are lunr's: ref is the document's own key, b = 0.75, k1 = 1.2, no metadata whitelist (so no positions:
/// they would double the index). BM25 scores are computed in lunr's exact operation order, with V8's log and JS rounding.
/// </remarks>
public sealed class LunrIndexBuilder
{
    internal const double B = 0.75;
    internal const double K1 = 1.2;

    private readonly List<string> _fields = [];
    private readonly List<double> _fieldBoosts = [];
    private readonly List<string> _refs = [];
    private readonly HashSet<string> _refSet = new(StringComparer.Ordinal);
    private readonly List<double> _docBoosts = [];
    // The text of every field of every document, [doc * fieldCount + field]: analysed in parallel by Build.
    private readonly List<string?> _texts = [];
    private LunrIndex? _built;

    /// <summary>The declared fields, in declaration order (the order lunr processes and serializes them).</summary>
    public IReadOnlyList<string> Fields => _fields;

    public int DocumentCount => _refs.Count;

    /// <summary>
    /// Declares a field. Its boost multiplies every score in it (lunr's <c>boost || 1</c>: 0 counts as 1).
    /// Names with '/', made only of digits (JS would reorder them) or <c>_index</c> are rejected.
    /// </summary>
    public LunrIndexBuilder Field(string name, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_refs.Count > 0)
        {
            throw new InvalidOperationException($"Field '{name}' is declared after documents were added; declare every field first.");
        }
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Field name '{name}' contains '/', which lunr uses to join field and ref.", nameof(name));
        }
        if (name.Length > 0 && name.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Field name '{name}' is numeric: JavaScript would move it ahead of the other keys.", nameof(name));
        }
        if (name == "_index")
        {
            throw new ArgumentException("Field name '_index' is taken by lunr's term index in every posting.", nameof(name));
        }
        if (_fields.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Field '{name}' is declared twice.", nameof(name));
        }
        _fields.Add(name);
        _fieldBoosts.Add(EffectiveBoost(boost, nameof(boost)));
        return this;
    }

    /// <summary>
    /// Adds a document: its ref (unique) and the text of its fields. A field missing from <paramref name="fieldValues"/>
    /// or null counts as empty; a key that is not a declared field is an error.
    /// </summary>
    public void Add(string docRef, IReadOnlyDictionary<string, string?> fieldValues, double documentBoost = 1)
    {
        ArgumentNullException.ThrowIfNull(docRef);
        ArgumentNullException.ThrowIfNull(fieldValues);
        if (_built is not null)
        {
            throw new InvalidOperationException("Documents cannot be added after the index was built.");
        }
        if (_fields.Count == 0)
        {
            throw new InvalidOperationException("Declare at least one field before adding documents.");
        }
        foreach (var key in fieldValues.Keys)
        {
            if (!_fields.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Document '{docRef}' has a value for '{key}', which is not a declared field.", nameof(fieldValues));
            }
        }
        var values = new string?[_fields.Count];
        for (int f = 0; f < values.Length; f++)
        {
            values[f] = fieldValues.GetValueOrDefault(_fields[f]);
        }
        Add(docRef, values, documentBoost);
    }

    /// <summary>
    /// Adds a document with the text of every declared field, in declaration order (null counts as empty): what
    /// <see cref="Add(string, IReadOnlyDictionary{string, string}, double)"/> does, without a dictionary per document.
    /// </summary>
    public void Add(string docRef, ReadOnlySpan<string?> fieldValues, double documentBoost = 1)
    {
        ArgumentNullException.ThrowIfNull(docRef);
        if (_built is not null)
        {
            throw new InvalidOperationException("Documents cannot be added after the index was built.");
        }
        if (_fields.Count == 0)
        {
            throw new InvalidOperationException("Declare at least one field before adding documents.");
        }
        if (fieldValues.Length != _fields.Count)
        {
            throw new ArgumentException($"Document '{docRef}' has {fieldValues.Length} field values for {_fields.Count} declared fields.", nameof(fieldValues));
        }
        double boost = EffectiveBoost(documentBoost, nameof(documentBoost));
        if (!_refSet.Add(docRef))
        {
            throw new ArgumentException($"A document with ref '{docRef}' was already added.", nameof(docRef));
        }
        _refs.Add(docRef);
        _docBoosts.Add(boost);
        foreach (var value in fieldValues)
        {
            _texts.Add(value);
        }
    }

    /// <summary>Computes the BM25 field vectors and freezes the index; later calls return the same instance.</summary>
    public LunrIndex Build() => _built ??= BuildCore();

    /// <summary>Writes <c>JSON.stringify(index)</c>'s exact UTF-8 bytes.</summary>
    public void WriteJson(Stream stream) => Build().WriteJson(stream);

    public string ToJson() => Build().ToJson();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LunrIndex BuildCore()
    {
        int fieldCount = _fields.Count;
        int docCount = _refs.Count;
        int fieldRefCount = docCount * fieldCount;

        // 1. Tokenize and run the pipeline over every field of every document, in parallel (pure work, memoized per token).
        var analyzer = new FieldAnalyzer();
        var analysed = new AnalysedField[fieldRefCount];
        // One long-lived worker per core, claiming chunks of fields: each keeps its token cache warm for the whole build
        // (Parallel.For's own local state is re-created whenever a replica task times out, which loses the cache).
        const int chunk = 64;
        int next = 0;
        Parallel.For(0, Math.Max(1, Environment.ProcessorCount), _ =>
        {
            var worker = new FieldAnalyzer.Worker(analyzer);
            for (int from; (from = Interlocked.Add(ref next, chunk) - chunk) < fieldRefCount;)
            {
                for (int fieldRef = from; fieldRef < Math.Min(from + chunk, fieldRefCount); fieldRef++)
                {
                    analysed[fieldRef] = worker.Analyse(_texts[fieldRef]);
                }
            }
        });
        string[] provisionalTerms = analyzer.Terms();

        // 2. In add order (documents, then fields, then tokens), give each term its id: lunr's "_index" is first-seen order.
        var finalIds = new int[provisionalTerms.Length];
        Array.Fill(finalIds, -1);
        var terms = new List<string>();
        var postings = new List<IntList?>();
        var vectorStart = new int[fieldRefCount + 1];
        int elementCount = 0;
        foreach (var field in analysed)
        {
            elementCount += field.Terms.Length;
        }
        var vectorTerms = new int[elementCount];
        var vectorCounts = new int[elementCount];
        var lengthTotals = new long[fieldCount];
        int e = 0;
        for (int fieldRef = 0; fieldRef < fieldRefCount; fieldRef++)
        {
            int doc = fieldRef / fieldCount;
            int f = fieldRef % fieldCount;
            var field = analysed[fieldRef];
            lengthTotals[f] += field.Length;
            vectorStart[fieldRef] = e;
            for (int i = 0; i < field.Terms.Length; i++)
            {
                int provisional = field.Terms[i];
                int id = finalIds[provisional];
                if (id < 0)
                {
                    id = finalIds[provisional] = terms.Count;
                    terms.Add(provisionalTerms[provisional]);
                    for (int k = 0; k < fieldCount; k++)
                    {
                        postings.Add(null);
                    }
                }
                (postings[(id * fieldCount) + f] ??= new IntList()).Add(doc);
                vectorTerms[e + i] = id;
                vectorCounts[e + i] = field.Counts[i];
            }
            // lunr.Vector keeps its elements sorted by term index.
            Array.Sort(vectorTerms, vectorCounts, e, field.Terms.Length);
            e += field.Terms.Length;
        }
        vectorStart[fieldRefCount] = e;

        // 3. BM25, as lunr.Builder.createFieldVectors computes it.
        // calculateAverageFieldLengths: every document has every field, so total length / documents.
        var averageLengths = new double[fieldCount];
        for (int f = 0; f < fieldCount; f++)
        {
            averageLengths[f] = (double)lengthTotals[f] / docCount;
        }
        var postingArrays = new int[terms.Count * fieldCount][];
        var idf = new double[terms.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            // lunr.idf: n counts (field, document) pairs, so a term in two fields of one document counts twice.
            int n = 0;
            for (int f = 0; f < fieldCount; f++)
            {
                int slot = (t * fieldCount) + f;
                postingArrays[slot] = postings[slot]?.ToArray() ?? [];
                n += postingArrays[slot].Length;
            }
            double x = (docCount - n + 0.5) / (n + 0.5);
            idf[t] = JsMath.Log(1 + Math.Abs(x));
        }
        var values = new double[elementCount];
        Parallel.For(0, fieldRefCount, fieldRef =>
        {
            int f = fieldRef % fieldCount;
            double fieldLength = analysed[fieldRef].Length;
            double fieldBoost = _fieldBoosts[f];
            double docBoost = _docBoosts[fieldRef / fieldCount];
            for (int i = vectorStart[fieldRef]; i < vectorStart[fieldRef + 1]; i++)
            {
                double tf = vectorCounts[i];
                // Exactly lunr's expression and operation order: (idf * ((k1 + 1) * tf)) / (k1 * ((1 - b) + b * (fl / avg)) + tf).
                double score = idf[vectorTerms[i]] * ((K1 + 1) * tf) / ((K1 * (1 - B + (B * (fieldLength / averageLengths[f])))) + tf);
                score *= fieldBoost;
                score *= docBoost;
                values[i] = JsMath.Round(score * 1000) / 1000;
            }
        });

        return new LunrIndex([.. _fields], [.. _refs], [.. terms], postingArrays, vectorStart, vectorTerms, values);
    }

    /// <summary>lunr's <c>boost || 1</c>: 0 (and a missing boost) count as 1. Infinities and NaN would not survive JSON.</summary>
    private static double EffectiveBoost(double boost, string paramName)
    {
        if (!double.IsFinite(boost))
        {
            throw new ArgumentOutOfRangeException(paramName, boost, "A boost must be a finite number.");
        }
        return boost == 0 ? 1 : boost;
    }
}
