using System.Text;
using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

public sealed class LunrIndexBuilderTests
{
    [Fact]
    public void Json_is_byte_identical_to_lunr_js_on_a_unicode_corpus()
    {
        var corpus = LunrCorpus.Generate(count: 260, seed: 20_260_101);

        var expected = LunrOracle.Run("build", new[] { corpus.ToOracle() })[0].GetString()!;

        AssertSameJson(expected, corpus.Builder().ToJson());
    }

    [Fact]
    public void Json_is_byte_identical_to_lunr_js_on_edge_cases()
    {
        CorpusSpec[] cases =
        [
            // JS key order: array-index refs first, ascending; the rest in insertion order.
            Spec([("body", 1)], ("b", "alpha"), ("10", "alpha"), ("2", "alpha beta"), ("a", "alpha"), ("1", "alpha"), ("007", "alpha")),
            // Every field empty: lengths 0, empty vectors, averages 0.
            Spec([("title", 1), ("body", 1)], ("x", null), ("y", "")),
            // Negative and zero field boosts, negative document boost (values round to -0 → 0).
            new([("title", -2), ("body", 0)], [
                new("p", Values(("title", "alpha beta"), ("body", "gamma alpha"))),
                new("q", Values(("title", "alpha"), ("body", "alpha alpha delta")), -0.0001),
                new("r", Values(("body", "gamma")), 1e-9)]),
            // Punctuation-only and non-ASCII-edged tokens become the "" term; duplicates of it count.
            Spec([("body", 1)], ("only", "... !!! — 日本 ... café"), ("other", "ü ü ü x")),
            // No documents at all.
            new([("title", 1), ("body", 1)], []),
            // Huge boost: numbers in exponent notation.
            new([("body", 1e25)], [new("big", Values(("body", "alpha beta")), 3e-30), new("small", Values(("body", "alpha")))]),
        ];

        var expected = LunrOracle.Run("build", cases.Select(c => c.ToOracle()).ToArray()).EnumerateArray().ToArray();

        for (int i = 0; i < cases.Length; i++)
        {
            AssertSameJson(expected[i].GetString()!, cases[i].Builder().ToJson());
        }
    }

    [Fact]
    public void Field_values_in_declaration_order_build_the_same_index_as_named_values()
    {
        var named = new LunrIndexBuilder().Field("title", 10).Field("body");
        var ordered = new LunrIndexBuilder().Field("title", 10).Field("body");
        named.Add("a", new Dictionary<string, string?> { ["body"] = "roll back the deployment", ["title"] = "Rollback" }, 1.4);
        ordered.Add("a", ["Rollback", "roll back the deployment"], 1.4);
        named.Add("b", new Dictionary<string, string?> { ["title"] = "Restore" });
        ordered.Add("b", ["Restore", null]);

        Assert.Equal(named.ToJson(), ordered.ToJson());
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder().Field("title").Field("body").Add("c", ["only one"]));
    }

    [Fact]
    public void Search_results_match_lunr_js_for_60_queries()
    {
        var corpus = LunrCorpus.Generate(count: 220, seed: 42);
        using var temp = new TempDirectory();
        string indexPath = Path.Combine(temp.Path, "index.json");
        using (var file = File.Create(indexPath))
        {
            corpus.Builder().WriteJson(file);
        }

        var results = LunrOracle.Run("search", new Dictionary<string, object?>
        {
            ["spec"] = corpus.ToOracle(),
            ["index"] = indexPath,
            ["queries"] = Queries,
        }).EnumerateArray().ToArray();

        Assert.True(Queries.Length >= 50);
        for (int i = 0; i < Queries.Length; i++)
        {
            Assert.True(
                results[i].GetProperty("expected").GetString() == results[i].GetProperty("actual").GetString(),
                $"query '{Queries[i]}':\nlunr-built: {results[i].GetProperty("expected")}\nC#-built:   {results[i].GetProperty("actual")}");
        }
        int withHits = results.Count(r => r.GetProperty("expected").GetString()!.StartsWith("[[", StringComparison.Ordinal));
        Assert.True(withHits >= 45, $"only {withHits} queries found anything");
    }

    /// <summary>Stemming, prefixes, fields, presence, fuzzy, boosts, multi-term, odd tokens and negation.</summary>
    internal static readonly string[] Queries =
    [
        "rollback", "rolling", "roll", "rolled", "rollout", "roll*", "rol*", "r*", "rollb*", "ro*back",
        "deploy", "deployments", "deploy*", "title:deploy", "title:roll*", "tags:kubernetes", "body:restart",
        "+kubectl", "+kubectl -restart", "+rollback +database", "-rollback", "-rollback -deploy", "rollback -title:rollback",
        "databse~1", "rollbak~1", "kubctl~1", "restart~2", "deploy^10 rollback", "rollback^5 restart^2", "title:rollback^3 body:rollback",
        "restart pod", "database migration failover", "certificate rotation secret", "redis cache latency", "kafka consumer queue",
        "503", "2020s", "proj", "123", "pg_restore", "application/json", "x86_64", "kubectl --force", "force",
        "café", "caf", "über", "ber", "i̇stanbul", "istanbul", "constructor", "__proto__", "tostr", "toString",
        "happy", "happi", "sky", "yelling", "lying", "generalization", "*ing", "*back", "monitor* alert*", "+monitor* -alert*",
        "health~1 probe*", "ROLLBACK", "Deploy", "tags:roll*^4", "",
    ];

    [Fact]
    public void Rejects_duplicate_refs_and_field_names_lunr_or_json_cannot_keep()
    {
        var builder = new LunrIndexBuilder().Field("title").Field("body");
        builder.Add("a", Values(("title", "x")));

        Assert.Throws<ArgumentException>(() => builder.Add("a", Values(("title", "y"))));
        Assert.Throws<ArgumentException>(() => builder.Add("b", Values(("summary", "y"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("c", Values(("title", "y")), double.PositiveInfinity));
        Assert.Throws<InvalidOperationException>(() => builder.Field("late"));
        Assert.Equal(1, builder.DocumentCount);

        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder().Field("a/b"));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder().Field("12"));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder().Field("007"));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder().Field("_index"));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder().Field("t").Field("t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LunrIndexBuilder().Field("t", double.NaN));
        Assert.Throws<InvalidOperationException>(() => new LunrIndexBuilder().Add("a", Values()));
    }

    [Fact]
    public void Build_freezes_the_index()
    {
        var builder = new LunrIndexBuilder().Field("body");
        builder.Add("a", Values(("body", "alpha")));

        var index = builder.Build();

        Assert.Same(index, builder.Build());
        Assert.Equal(builder.ToJson(), index.ToJson());
        Assert.Throws<InvalidOperationException>(() => builder.Add("b", Values(("body", "beta"))));
        Assert.Equal(["a"], index.DocumentRefs);
        Assert.Equal(1, index.TermCount);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("4294967294", 4294967294L)]
    [InlineData("4294967295", -1L)]
    [InlineData("007", -1L)]
    [InlineData("-1", -1L)]
    [InlineData("1.0", -1L)]
    [InlineData("", -1L)]
    [InlineData("12345678901", -1L)]
    [InlineData("٣", -1L)]
    public void Array_index_keys_are_canonical_uint32_below_max(string key, long expected) =>
        Assert.Equal(expected, LunrIndex.ArrayIndexValue(key));

    internal static Dictionary<string, string?> Values(params (string Field, string? Text)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Text, StringComparer.Ordinal);

    private static CorpusSpec Spec((string, double)[] fields, params (string Ref, string? Body)[] docs) =>
        new(fields, [.. docs.Select(d => new CorpusDoc(d.Ref, new Dictionary<string, string?>(StringComparer.Ordinal) { [fields[^1].Item1] = d.Body }))]);

    /// <summary>Equal strings, or a message that shows where they first differ.</summary>
    internal static void AssertSameJson(string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }
        int at = expected.AsSpan().CommonPrefixLength(actual);
        int from = Math.Max(0, at - 120);
        var message = new StringBuilder()
            .Append("JSON differs at char ").Append(at).Append(" of ").Append(expected.Length).Append('/').Append(actual.Length).AppendLine(":")
            .Append("lunr.js: ").AppendLine(expected.Substring(from, Math.Min(240, expected.Length - from)))
            .Append("C#:      ").AppendLine(actual.Substring(from, Math.Min(240, actual.Length - from)));
        Assert.Fail(message.ToString());
    }
}
