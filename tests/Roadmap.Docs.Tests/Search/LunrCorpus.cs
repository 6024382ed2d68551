using System.Globalization;
using System.Text;
using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

/// <summary>A document for the builder and, as JSON, for lunr-oracle.js.</summary>
internal sealed record CorpusDoc(string Ref, Dictionary<string, string?> Values, double Boost = 1)
{
    public Dictionary<string, object?> ToOracle() => new(StringComparer.Ordinal)
    {
        ["ref"] = Ref,
        ["values"] = Values,
        ["boost"] = Boost,
    };
}

/// <summary>Fields, their boosts and documents: what both builders are given.</summary>
internal sealed record CorpusSpec(IReadOnlyList<(string Name, double Boost)> Fields, IReadOnlyList<CorpusDoc> Docs)
{
    public LunrIndexBuilder Builder()
    {
        var builder = new LunrIndexBuilder();
        foreach (var (name, boost) in Fields)
        {
            builder.Field(name, boost);
        }
        foreach (var doc in Docs)
        {
            builder.Add(doc.Ref, doc.Values, doc.Boost);
        }
        return builder;
    }

    public Dictionary<string, object?> ToOracle() => new(StringComparer.Ordinal)
    {
        ["fields"] = Fields.Select(f => new Dictionary<string, object?> { ["name"] = f.Name, ["boost"] = f.Boost }).ToList(),
        ["docs"] = Docs.Select(d => d.ToOracle()).ToList(),
    };
}

/// <summary>Seeded synthetic runbook-like documents full of the inputs that break naive lunr ports.</summary>
internal static class LunrCorpus
{
    public static readonly string[] OpsWords =
    [
        "rollback", "rollbacks", "rolling", "rollout", "rollouts", "roll", "rolled", "roller", "rolls", "rollforward",
        "deploy", "deployment", "deployments", "deployed", "deploying", "restart", "restarting", "restarted", "restarts",
        "kubernetes", "kubectl", "cluster", "clusters", "node", "nodes", "pod", "pods", "service", "services",
        "database", "databases", "migration", "migrations", "migrate", "migrating", "backup", "backups", "restore",
        "restoring", "restored", "replica", "replicas", "replication", "failover", "incident", "incidents", "outage",
        "latency", "timeout", "timeouts", "certificate", "certificates", "rotation", "rotate", "rotating", "secret",
        "secrets", "token", "tokens", "ingress", "egress", "gateway", "proxy", "cache", "caching", "cached", "redis",
        "postgres", "mysql", "kafka", "queue", "queues", "consumer", "consumers", "producer", "alert", "alerting",
        "alerts", "monitor", "monitoring", "dashboard", "dashboards", "metrics", "logging", "logs", "trace", "tracing",
        "runbook", "runbooks", "escalation", "oncall", "pager", "canary", "blue", "green", "release", "releases",
        "version", "versions", "upgrade", "upgrading", "downgrade", "patch", "patches", "hotfix", "config",
        "configuration", "configurations", "environment", "staging", "production", "generalization", "organization",
        "relational", "conditional", "valuation", "happiness", "hopefulness", "electrical", "adjustment", "dependence",
        "activation", "formalize", "sensitivity", "availability", "reliability", "scalability", "throughput",
        "yelling", "lying", "happy", "sky", "agreed", "feed", "hopping", "filing", "controlling", "generously",
        "connection", "connections", "connected", "connecting", "connective", "volume", "volumes", "storage", "disk",
        "disks", "memory", "cpu", "network", "networking", "firewall", "dns", "tls", "ssl", "http", "https", "grpc",
        "endpoint", "endpoints", "health", "healthy", "unhealthy", "probe", "probes", "readiness", "liveness",
        "scheduler", "scheduling", "scaled", "scaling", "autoscaler", "quota", "quotas", "limit", "limits",
    ];

    public static readonly string[] StopWords = ["the", "a", "and", "of", "to", "in", "is", "it", "that", "with", "for", "on", "this", "be", "not", "are", "you", "your", "will"];

    // Tokens that exercise the tokenizer, lowercasing, trimmer and number/key-order rules.
    public static readonly string[] Oddities =
    [
        "kubectl", "--force", "503", "PROJ-123", "application/json", "pg_restore", "x86_64", "v1.2.3", "e.g.", "2020s",
        "C++", "...", "—", "()", "!!!", "\"quoted\"", "(parenthesised)", "well-known", "read-only", "re-deploy",
        "café", "über", "naïve", "Straße", "İstanbul", "DİYARBAKIR", "ΟΔΥΣΣΕΥΣ", "ΣΊΣΥΦΟΣ.", "ΑΣ'", "Σ", "日本語", "東京",
        "🚀", "emoji🚀", "🚀launch", "a\u00A0b", "line\u2028sep", "zero\uFEFFwidth", "next\u0085line", "zw\u200Bsp",
        "mongolian\u180Evowel", "tab\there", "new\nline", "em\u2003space", "constructor", "__proto__", "toString",
        "hasOwnProperty", "valueOf", "ROLLBACK", "Rolling", "DEPLOYMENTS", "lone\uD800surrogate", "\uDC00alone",
        "1e21", "0.000001", "007", "10", "2", "4294967295", "-1",
    ];

    public static readonly string[] OddRefs =
    [
        "10", "2", "007", "0", "1", "4294967294", "4294967295", "-1", "1.0", "a\"quote", "back\\slash", "ünïcödé",
        "emoji😀", "with/slash", "", "__proto__", "constructor", "tab\tref", "ctl\u0001", "lone\uD800", "ℌ", "100",
    ];

    /// <summary>title (boost 10), body, tags (boost 3); odd refs, document boosts and empty fields mixed in.</summary>
    public static CorpusSpec Generate(int count, int seed)
    {
        var random = new Random(seed);
        var docs = new List<CorpusDoc>(count);
        for (int i = 0; i < count; i++)
        {
            string docRef = i < OddRefs.Length * 3 && i % 3 == 1 ? OddRefs[i / 3] : "doc-" + i.ToString(CultureInfo.InvariantCulture);
            string? title = (i % 11) switch
            {
                3 => null,
                7 => "",
                _ => Text(random, 2 + random.Next(6), oddity: 0.15),
            };
            string? body = (i % 13) switch
            {
                5 => null,
                9 => "   \t  ",
                10 => "... — !!!",
                _ => Text(random, 20 + random.Next(80), oddity: 0.06),
            };
            var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["title"] = title, ["body"] = body };
            if (i % 4 != 0)
            {
                values["tags"] = string.Join(' ', Enumerable.Range(0, random.Next(4)).Select(_ => OpsWords[random.Next(40)]));
            }
            double boost = (i % 17) switch
            {
                2 => 2,
                6 => 0.5,
                9 => 0,
                11 => 1.25,
                _ => 1,
            };
            docs.Add(new CorpusDoc(docRef, values, boost));
        }
        return new CorpusSpec([("title", 10), ("body", 1), ("tags", 3)], docs);
    }

    /// <summary>Words drawn with a Zipf-like skew, separated by spaces and now and then by other JS separators.</summary>
    public static string Text(Random random, int words, double oddity)
    {
        var sb = new StringBuilder();
        for (int w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sb.Append(random.NextDouble() < 0.05 ? Separators[random.Next(Separators.Length)] : " ");
            }
            double roll = random.NextDouble();
            if (roll < oddity)
            {
                sb.Append(Oddities[random.Next(Oddities.Length)]);
            }
            else if (roll < oddity + 0.25)
            {
                sb.Append(StopWords[random.Next(StopWords.Length)]);
            }
            else
            {
                // Zipf-ish: small indices are much more likely.
                int index = (int)(OpsWords.Length * Math.Pow(random.NextDouble(), 2.5));
                string word = OpsWords[index];
                sb.Append(random.Next(10) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                if (random.Next(12) == 0)
                {
                    sb.Append(random.Next(2) == 0 ? "," : ".");
                }
            }
        }
        return sb.ToString();
    }

    private static readonly string[] Separators = ["\n", "\t", "  ", " - ", "\u00A0", "\u2028", "\uFEFF", "\u3000", "-"];

    /// <summary>A large synthetic corpus for timing: pseudo-words from syllables, ~14k vocabulary, Zipf-distributed.</summary>
    public static CorpusSpec Large(int count, int wordsPerDoc, int seed)
    {
        var random = new Random(seed);
        string[] syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zen", "dra", "pol", "ix", "qua", "ber", "ton", "ex", "ing", "ed", "al", "ment"];
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        while (vocabulary.Count < 14_000)
        {
            var sb = new StringBuilder();
            int parts = 2 + random.Next(3);
            for (int p = 0; p < parts; p++)
            {
                sb.Append(syllables[random.Next(syllables.Length)]);
            }
            vocabulary.Add(sb.ToString());
        }
        string[] words = [.. vocabulary];
        var docs = new List<CorpusDoc>(count);
        var text = new StringBuilder();
        double logSize = Math.Log(words.Length);
        for (int i = 0; i < count; i++)
        {
            text.Clear();
            for (int w = 0; w < wordsPerDoc; w++)
            {
                if (w > 0)
                {
                    text.Append(' ');
                }
                // Zipf with s ≈ 1 via inverse transform on a log scale.
                int index = (int)Math.Min(words.Length - 1, Math.Exp(random.NextDouble() * logSize) - 1);
                text.Append(words[index]);
            }
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["title"] = words[random.Next(2000)] + " " + words[random.Next(2000)],
                ["body"] = text.ToString(),
            };
            docs.Add(new CorpusDoc(i.ToString(CultureInfo.InvariantCulture), values));
        }
        return new CorpusSpec([("title", 10), ("body", 1)], docs);
    }
}
