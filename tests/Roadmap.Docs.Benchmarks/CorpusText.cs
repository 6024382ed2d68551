using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Benchmarks;

/// <summary>The words, names and code the generated pages are made of; every choice goes through the caller's seeded <see cref="Random"/>.</summary>
internal sealed class CorpusText(Random random)
{
    // Ranked for Zipf: function words first, then the operations vocabulary, then the long tail.
    private static readonly string[] Vocabulary =
    [
        "the", "of", "and", "to", "a", "in", "is", "for", "on", "that", "with", "as", "it", "be", "by", "this",
        "are", "from", "or", "at", "when", "if", "not", "service", "after", "before", "deployment", "all", "each",
        "then", "we", "our", "its", "rollback", "only", "every", "new", "database", "one", "cluster", "release",
        "two", "latency", "cache", "traffic", "production", "staging", "pod", "phase", "should", "can", "must",
        "into", "until", "owner", "team", "check", "error", "request", "requests", "version", "config", "alert",
        "incident", "metrics", "migration", "replica", "primary", "backup", "restore", "image", "pipeline",
        "namespace", "ingress", "node", "nodes", "queue", "worker", "timeout", "retry", "budget", "p95", "5xx",
        "dashboard", "runbook", "on-call", "escalation", "severity", "mitigation", "symptom", "diagnosis",
        "kubernetes", "postgres", "redis", "grafana", "prometheus", "kubectl", "helm", "terraform", "docker",
        "container", "canary", "blue-green", "schema", "index", "query", "connection", "pool", "throughput",
        "capacity", "memory", "cpu", "disk", "volume", "snapshot", "secret", "certificate", "token", "endpoint",
        "gateway", "load", "balancer", "health", "probe", "readiness", "liveness", "autoscaler", "limit",
        "quota", "log", "logs", "trace", "span", "sampling", "retention", "window", "maintenance", "freeze",
        "change", "review", "approval", "checklist", "deliverable", "milestone", "objective", "dependency",
        "risk", "status", "week", "sprint", "quarter", "estimate", "scope", "stakeholder", "report",
        "first", "next", "last", "current", "previous", "same", "other", "more", "less", "most", "least",
        "also", "still", "again", "now", "once", "while", "during", "without", "within", "across", "between",
        "over", "under", "about", "through", "which", "who", "what", "where", "how", "why", "there", "here",
        "they", "them", "their", "you", "your", "has", "have", "had", "was", "were", "will", "would", "may",
        "run", "runs", "running", "start", "stop", "restart", "scale", "drain", "cordon", "promote", "demote",
        "apply", "verify", "confirm", "compare", "watch", "page", "notify", "record", "update", "upgrade",
        "pin", "patch", "revert", "roll", "shift", "switch", "route", "block", "allow", "deny", "rotate",
        "expire", "renew", "flush", "evict", "warm", "cold", "hot", "slow", "fast", "stale", "fresh", "safe",
        "unsafe", "healthy", "degraded", "down", "up", "green", "blue", "red", "partial", "full", "manual",
        "automatic", "scheduled", "expected", "observed", "baseline", "target", "threshold", "regression",
        "outage", "failover", "switchover", "replication", "lag", "vacuum", "bloat", "lock", "deadlock",
        "transaction", "commit", "branch", "merge", "tag", "artifact", "registry", "manifest", "chart", "values",
        "variable", "flag", "feature", "toggle", "tenant", "customer", "user", "session", "payload", "response",
        "status-code", "header", "body", "contract", "api", "client", "server", "network", "dns", "tls", "mtls",
        "policy", "role", "binding", "account", "permission", "audit", "compliance", "evidence", "ticket",
        "postmortem", "timeline", "impact", "detection", "recovery", "slo", "sla", "error-budget",
        "burn", "rate", "minute", "minutes", "hour", "hours", "day", "days", "percent", "ratio",
        "steady", "spike", "drop", "peak", "trough", "noise", "signal", "reviewer", "approver",
        "platform", "portfolio", "modernization", "python", "fastapi", "pydantic", "typing", "pytest", "coverage",
        "linting", "mypy", "ruff", "pre-commit", "actions", "workflow", "job", "step", "matrix", "runner",
        "build", "test", "lint", "deploy", "publish", "archive", "document", "train", "onboard",
        "handover", "sign-off", "acceptance", "criteria", "drill", "rehearsal", "game-day",
        "chaos", "fault", "injection", "resilience", "redundancy", "zone", "region", "datacenter", "edge",
        "shard", "partition", "bucket", "object", "blob", "stream", "topic", "consumer", "producer", "offset",
        "backlog", "poison", "dead-letter", "idempotent", "ordering", "exactly-once", "at-least-once",
        "quietly", "carefully", "briefly", "explicitly", "gradually", "immediately", "eventually", "usually",
        "rarely", "never", "always", "often", "sometimes", "roughly", "exactly", "nearly", "mostly",
    ];

    private static readonly string[] InlineCodeWords =
        ["kubectl", "helm", "psql", "redis-cli", "terraform", "docker", "pg_dump", "pytest", "mypy", "ruff", "curl", "jq"];

    public static readonly string[] Owners =
        ["DevOps Engineer", "Senior Backend Engineer", "Product Manager", "SRE", "Security Engineer", "Data Engineer", "Platform Lead", "QA Engineer"];

    public static readonly string[] Services =
        ["api-gateway", "core-api", "reporting-api", "worker", "redis", "postgresql", "kubernetes", "ingress", "auth", "billing", "search", "notifications"];

    public static readonly string[] Problems =
        ["outage", "latency-regression", "failed-rollout", "disk-pressure", "certificate-expiry", "replication-lag", "memory-leak", "error-spike", "queue-backlog", "dns-failure"];

    public static readonly string[] PhaseThemes =
        ["foundation", "code-quality", "python-modernization", "api-modernization", "database-optimization", "infrastructure", "security", "documentation", "observability", "cost-control", "data-platform", "resilience"];

    public static readonly string[] ArchitectureTopics =
        ["system-overview", "ci-cd-pipeline", "environments", "data-and-caching", "networking", "identity", "observability", "storage", "messaging", "secrets", "tenancy", "edge"];

    public static readonly string[] PlainTopics =
        ["risks", "kpis", "resources", "communication-plan", "post-implementation", "glossary", "faq", "decisions", "onboarding", "budget"];

    // Headings with the punctuation GitHub slugs drop (':', '&', '/', '(', ')', '?', '.', ',', '\'').
    private static readonly string[] ExtraHeadings =
    [
        "Known issues & workarounds", "CI/CD gates", "What changed (and why)?", "Q&A", "Before you start: access",
        "Who's on call?", "Limits, quotas and budgets", "Open questions", "Lessons learned", "Follow-up actions",
        "Timeline (UTC)", "Related pages", "Appendix: commands", "Owner's checklist", "Version 2.0 notes",
    ];

    private static readonly double[] Cumulative = BuildZipf(Vocabulary.Length, exponent: 1.07);

    private string _previous = "";

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Next(int min, int maxExclusive) => random.Next(min, maxExclusive);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A word drawn from the Zipf-ranked vocabulary, never the same as the word before ("the the").</summary>
    public string Word()
    {
        string word;
        do
        {
            var u = random.NextDouble() * Cumulative[^1];
            var index = Array.BinarySearch(Cumulative, u);
            word = Vocabulary[index < 0 ? ~index : index];
        }
        while (word == _previous);
        return _previous = word;
    }

    /// <summary>Words for running prose: a sentence starts capitalised and ends with a full stop; a few words are inline code or bold.</summary>
    public IEnumerable<string> Sentence(int words)
    {
        for (var i = 0; i < words; i++)
        {
            var word = Word();
            if (Chance(0.02))
            {
                word = $"`{Pick(InlineCodeWords)}`";
            }
            else if (Chance(0.01))
            {
                word = $"**{word}**";
            }
            else if (i == 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }
            yield return i == words - 1 ? word + "." : word;
        }
    }

    /// <summary>A short phrase for list items and table cells (no trailing stop).</summary>
    public string Phrase(int min, int max)
    {
        var words = Enumerable.Range(0, Next(min, max + 1)).Select(_ => Word()).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    /// <summary>A heading that is not one of the fixed section names.</summary>
    public string ExtraHeading() => Chance(0.5) ? Pick(ExtraHeadings) : Phrase(2, 4);

    public string Date()
    {
        var day = new DateOnly(2026, 1, 1).AddDays(Next(330));
        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public string[] Tags(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Pick(Services)).Concat([Pick(PhaseThemes)]).Distinct(StringComparer.Ordinal)];

    /// <summary>A fenced code block's lines (fences included) in one of bash, yaml, sql, python or json.</summary>
    public string[] CodeBlock(string service)
    {
        var ns = Pick(["platform-prod", "platform-staging"]);
        var lines = Next(5) switch
        {
            0 => new[]
            {
                "```bash",
                $"kubectl -n {ns} get pods -l app={service} -o wide",
                $"kubectl -n {ns} rollout status deployment/{service} --timeout=120s",
                $"kubectl -n {ns} logs deployment/{service} --since=15m | grep -E 'ERROR|Timeout' | tail -n 50",
                "```",
            },
            1 => new[]
            {
                "```yaml",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata:",
                $"  name: {service}",
                $"  namespace: {ns}",
                "spec:",
                $"  replicas: {Next(2, 9)}",
                "  strategy:",
                "    type: RollingUpdate",
                "```",
            },
            2 => new[]
            {
                "```sql",
                "SELECT pid, state, wait_event_type, now() - query_start AS running_for, left(query, 80) AS query",
                "FROM pg_stat_activity",
                $"WHERE datname = '{service.Replace('-', '_')}' AND state <> 'idle'",
                "ORDER BY running_for DESC",
                $"LIMIT {Next(5, 50)};",
                "```",
            },
            3 => new[]
            {
                "```python",
                "from app.settings import settings",
                "",
                "",
                $"def {service.Replace('-', '_')}_ready(timeout: float = {Next(1, 30)}.0) -> bool:",
                "    \"\"\"Return True once the service answers its readiness probe.\"\"\"",
                "    response = settings.http.get(settings.ready_url, timeout=timeout)",
                "    return response.status_code == 200",
                "```",
            },
            _ => new[]
            {
                "```json",
                "{",
                $"  \"service\": \"{service}\",",
                $"  \"replicas\": {Next(2, 9)},",
                $"  \"timeout_ms\": {Next(100, 5000)},",
                "  \"features\": [\"cache\", \"retry\", \"circuit-breaker\"]",
                "}",
                "```",
            },
        };
        return lines;
    }

    /// <summary>GitHub's heading slug: lowercase; letters, digits, '-' and '_' kept; spaces become '-'; everything else dropped.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }
        return slug.ToString();
    }

    private static double[] BuildZipf(int count, double exponent)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            total += 1.0 / Math.Pow(rank, exponent);
            cumulative[rank - 1] = total;
        }
        return cumulative;
    }
}
