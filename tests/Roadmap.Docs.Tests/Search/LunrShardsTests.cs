using System.Text.Json;
using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

public sealed class LunrShardsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(23)]
    public void Merged_shards_search_exactly_like_the_unsharded_index(int shardCount)
    {
        var index = LunrCorpus.Generate(count: 220, seed: 42).Builder().Build();
        var shards = LunrShards.Create(index, shardCount);
        using var temp = new TempDirectory();
        string fullPath = Path.Combine(temp.Path, "full.json");
        File.WriteAllText(fullPath, index.ToJson());
        File.WriteAllText(Path.Combine(temp.Path, "manifest.json"), shards.ManifestJson());
        for (int shard = 0; shard < shards.Count; shard++)
        {
            File.WriteAllText(Path.Combine(temp.Path, shards.FileName(shard)), shards.ShardJson(shard));
        }

        var output = LunrOracle.Run("shards", new Dictionary<string, object?>
        {
            ["dir"] = temp.Path,
            ["manifest"] = "manifest.json",
            ["full"] = fullPath,
            ["queries"] = LunrIndexBuilderTests.Queries,
        });

        Assert.Equal(shardCount, shards.Count);
        // Each shard loads on its own (lunr.Index.load checks term order) and holds exactly its terms.
        Assert.Equal(
            Enumerable.Range(0, shards.Count).Select(shards.TermCount),
            output.GetProperty("shardTerms").EnumerateArray().Select(e => e.GetInt32()));
        var results = output.GetProperty("results").EnumerateArray().ToArray();
        for (int i = 0; i < results.Length; i++)
        {
            string query = LunrIndexBuilderTests.Queries[i];
            string expected = results[i].GetProperty("expected").GetString()!;
            foreach (var variant in new[] { "all", "minimal", "superset" })
            {
                Assert.True(
                    expected == results[i].GetProperty(variant).GetString(),
                    $"query '{query}', {variant} shards {results[i].GetProperty("needed")}:\nunsharded: {expected}\nsharded:   {results[i].GetProperty(variant)}");
            }
        }
        if (shardCount >= 5)
        {
            // Exact terms load one shard; only fuzzy and leading-wildcard queries load them all.
            Assert.Single(Needed(results, "rollback"));
            Assert.Single(Needed(results, "title:deploy"));
            Assert.Equal(shards.Count, Needed(results, "databse~1").Length);
            Assert.Equal(shards.Count, Needed(results, "*ing").Length);
            Assert.True(Needed(results, "roll*").Length < shards.Count);
        }
    }

    private static int[] Needed(JsonElement[] results, string query) =>
        [.. results[Array.IndexOf(LunrIndexBuilderTests.Queries, query)].GetProperty("needed").EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public void Shards_partition_the_sorted_terms_in_balanced_ranges()
    {
        var index = LunrCorpus.Generate(count: 220, seed: 42).Builder().Build();
        var shards = LunrShards.Create(index, 6);
        var full = JsonDocument.Parse(index.ToJson()).RootElement;
        string[] allTerms = [.. full.GetProperty("invertedIndex").EnumerateArray().Select(e => LunrOracle.Text(e[0]))];

        // Every field vector element of the unsharded index, by field/ref and term index: each must be in exactly one posting.
        var elements = new Dictionary<(string FieldRef, int Term), double>();
        foreach (var vector in full.GetProperty("fieldVectors").EnumerateArray())
        {
            var values = vector[1].EnumerateArray().ToArray();
            for (int e = 0; e < values.Length; e += 2)
            {
                elements.Add((LunrOracle.Text(vector[0]), values[e].GetInt32()), values[e + 1].GetDouble());
            }
        }
        var shardTerms = new List<string>();
        var sizes = new List<int>();
        for (int shard = 0; shard < shards.Count; shard++)
        {
            string json = shards.ShardJson(shard);
            sizes.Add(json.Length);
            var entries = JsonDocument.Parse(json).RootElement.GetProperty("terms").EnumerateArray().ToArray();
            string[] terms = [.. entries.Select(e => LunrOracle.Text(e[0]))];
            Assert.All(terms, t => Assert.Equal(shard, shards.ShardForTerm(t)));
            Assert.StartsWith(shards.From[shard], terms[0], StringComparison.Ordinal);
            shardTerms.AddRange(terms);
            // Each posting: documents by gap, each with the score the unsharded index's vector has for it.
            foreach (var entry in entries)
            {
                int term = entry[1].GetInt32();
                for (int f = 0; f < index.Fields.Count; f++)
                {
                    var list = entry[2 + f].EnumerateArray().ToArray();
                    Assert.True(list.Length % 2 == 0);
                    for (int i = 0, doc = 0; i < list.Length; i += 2)
                    {
                        int gap = list[i].GetInt32();
                        Assert.True(i == 0 ? gap >= 0 : gap > 0, "documents ascend");
                        doc += gap;
                        Assert.True(elements.Remove((index.Fields[f] + "/" + index.DocumentRefs[doc], term), out double score));
                        Assert.Equal(score, list[i + 1].GetDouble());
                    }
                }
            }
        }

        Assert.Empty(elements);
        Assert.Equal(allTerms, shardTerms);
        Assert.Equal("", shards.From[0]);
        Assert.True(sizes.Max() < 2.5 * sizes.Min(), $"unbalanced shard sizes: {string.Join(", ", sizes)}");
        var manifest = JsonDocument.Parse(shards.ManifestJson()).RootElement;
        Assert.Equal(index.DocumentRefs, manifest.GetProperty("refs").EnumerateArray().Select(LunrOracle.Text));
        Assert.Equal(shards.From, manifest.GetProperty("shards").EnumerateArray().Select(e => LunrOracle.Text(e.GetProperty("from"))));
    }

    [Theory]
    [InlineData("roll", "rollback", "rollb")]
    [InlineData("deploy", "restart", "r")]
    [InlineData("a", "ab", "ab")]
    [InlineData("", "a", "a")]
    [InlineData("ab", "b", "b")]
    public void Boundary_is_the_shortest_prefix_after_the_previous_term(string previous, string next, string expected) =>
        Assert.Equal(expected, LunrShards.Boundary(previous, next));

    [Fact]
    public void Routing_finds_a_terms_shard_and_every_shard_a_prefix_can_reach()
    {
        var builder = new LunrIndexBuilder().Field("body");
        string[] words = ["alpha", "beta", "roll", "rollback", "rollout", "rolling", "rose", "zeta", "zulu", "romeo"];
        for (int i = 0; i < words.Length; i++)
        {
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), LunrIndexBuilderTests.Values(("body", words[i])));
        }
        var shards = LunrShards.Create(builder.Build(), 10);

        // Terms (stemmed): alpha beta roll rollback rollout romeo rose zeta zulu — one shard each.
        Assert.Equal(["", "b", "r", "rollb", "rollo", "rom", "ros", "z", "zu"], shards.From);
        Assert.Equal(2, shards.ShardForTerm("roll"));
        Assert.Equal(3, shards.ShardForTerm("rollback"));
        Assert.Equal(0, shards.ShardForTerm("aardvark"));
        Assert.Equal(8, shards.ShardForTerm("zzz"));
        Assert.Equal([2, 3, 4], shards.ShardsForPrefix("roll"));
        Assert.Equal([2, 3, 4, 5, 6], shards.ShardsForPrefix("r"));
        Assert.Equal([2, 3, 4, 5, 6], shards.ShardsForPrefix("ro"));
        Assert.Equal([7, 8], shards.ShardsForPrefix("z"));
        Assert.Equal([4], shards.ShardsForPrefix("rollo"));
        Assert.Equal(Enumerable.Range(0, 9), shards.ShardsForPrefix(""));
    }
}
