using System.Diagnostics;
using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

/// <summary>Measures the builder on 10,000 documents of about 400 words; reports, asserts nothing about time.</summary>
public sealed class LunrBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public void Builds_10000_documents()
    {
        var corpus = LunrCorpus.Large(count: 10_000, wordsPerDoc: 400, seed: 3);

        var stopwatch = Stopwatch.StartNew();
        var builder = new LunrIndexBuilder().Field("title", 10).Field("body");
        foreach (var doc in corpus.Docs)
        {
            builder.Add(doc.Ref, doc.Values, doc.Boost);
        }
        var added = stopwatch.Elapsed;
        var index = builder.Build();
        var built = stopwatch.Elapsed;
        using var counter = new CountingStream();
        index.WriteJson(counter);
        var written = stopwatch.Elapsed;
        var shards = LunrShards.Create(index, 16);
        long shardBytes = 0;
        for (int shard = 0; shard < shards.Count; shard++)
        {
            using var shardCounter = new CountingStream();
            shards.WriteShardJson(shard, shardCounter);
            shardBytes += shardCounter.Length;
        }
        var sharded = stopwatch.Elapsed;

        output.WriteLine($"10,000 docs: add {added.TotalMilliseconds:F0} ms, build (analysis + BM25) {(built - added).TotalMilliseconds:F0} ms, " +
            $"JSON {(written - built).TotalMilliseconds:F0} ms, total {written.TotalMilliseconds:F0} ms; " +
            $"{index.TermCount} terms, {counter.Length / 1048576.0:F2} MiB JSON; " +
            $"16 shards {shardBytes / 1048576.0:F2} MiB in {(sharded - written).TotalMilliseconds:F0} ms");
        Assert.Equal(10_000, index.DocumentRefs.Count);
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
