using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>Front-matter schema per kind, and runbook hygiene (fields, review age, required sections), over a pipeline's pages.</summary>
public sealed class CheckPages(string pipeline) : IModule
{
    /// <summary>Keys every kind may use.</summary>
    private static readonly string[] Common = ["title", "kind", "order", "tags", "description", "owner"];

    /// <summary>
    /// Hugo's predefined front-matter fields: a Hugo tree's pages carry them, and they are not typos. (<c>weight</c>
    /// orders the navigation like <c>order</c>; the others are accepted and not used.)
    /// </summary>
    private static readonly FrozenSet<string> HugoKeys = FrozenSet.ToFrozenSet(
    [
        "aliases", "build", "cascade", "date", "draft", "expiryDate", "headless", "isCJKLanguage", "keywords", "lastmod", "layout",
        "linkTitle", "markup", "menu", "menus", "modified", "outputs", "params", "publishDate", "pubdate", "published", "resources",
        "sitemap", "slug", "summary", "translationKey", "type", "url", "weight",
    ], StringComparer.Ordinal);

    /// <summary>Known kinds and the keys each adds to <see cref="Common"/>.</summary>
    public static readonly FrozenDictionary<string, string[]> Kinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["page"] = [],
        ["roadmap"] = [],
        ["risks"] = [],
        ["kpis"] = [],
        ["architecture"] = [],
        ["phase"] = ["phase", "weeks", "depends_on", "status"],
        ["runbook"] = ["service", "severity", "last_reviewed"],
        ["rollback"] = ["service", "severity", "last_reviewed"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Severities = ["sev1", "sev2", "sev3", "sev4"];

    private static readonly string[] RunbookFields = ["owner", "service", "severity", "last_reviewed"];

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        Parallel.ForEach(
            context.Outputs(pipeline).Where(d => d.IsPage && d.Source.Length > 0),
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism },
            doc => Check(doc, context));
        return Task.FromResult(inputs);
    }

    public static void Check(Document doc, Engine.ExecutionContext context)
    {
        var fm = doc.FrontMatter;
        var diagnostics = context.Diagnostics;
        if (fm.Get("kind") is { } kindValue && !Kinds.ContainsKey(doc.Kind))
        {
            var hint = Similarity.Closest(doc.Kind, Kinds.Keys) is { } close ? $"did you mean '{close}'?" : "known kinds: " + string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal));
            diagnostics.Report(Rules.UnknownKind, doc.Source, kindValue.Line, kindValue.Column, $"unknown kind '{doc.Kind}'", hint);
        }
        if (Kinds.TryGetValue(doc.Kind, out var extra))
        {
            var known = Common.Concat(extra).ToArray();
            foreach (var (key, value) in fm.Values.OrderBy(kv => kv.Value.Line))
            {
                if (!known.Contains(key, StringComparer.Ordinal) && !HugoKeys.Contains(key))
                {
                    var close = Similarity.Closest(key, known);
                    diagnostics.Report(Rules.UnknownKey, doc.Source, value.Line, value.Column,
                        $"'{key}' is not a front-matter key of pages of kind '{doc.Kind}'", close is null ? null : $"did you mean '{close}'?");
                }
            }
        }
        foreach (var key in (string[])["order", "weight"])
        {
            CheckType(doc, key, v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _), "a number", context);
        }
        CheckScalar(doc, "title", context);
        if (doc.Kind is "runbook" or "rollback")
        {
            CheckRunbook(doc, context);
        }
    }

    private static void CheckRunbook(Document doc, Engine.ExecutionContext context)
    {
        var fm = doc.FrontMatter;
        var diagnostics = context.Diagnostics;
        var settings = context.Environment.Settings;
        var missing = RunbookFields.Where(k => string.IsNullOrWhiteSpace(fm.GetString(k))).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Report(Rules.RunbookField, doc.Source, 1, 1, $"runbook has no {string.Join(", ", missing)}", "on call, the owner, service and severity must be on the page");
        }
        if (fm.GetString("severity") is { Length: > 0 } severity && !Severities.Contains(severity.ToLowerInvariant()))
        {
            var at = fm.Get("severity")!;
            diagnostics.Report(Rules.RunbookField, doc.Source, at.Line, at.Column, $"severity '{severity}' is not one of sev1, sev2, sev3, sev4");
        }
        if (fm.GetString("last_reviewed") is { Length: > 0 } reviewed)
        {
            var at = fm.Get("last_reviewed")!;
            if (fm.GetDate("last_reviewed") is not { } date)
            {
                diagnostics.Report(Rules.RunbookField, doc.Source, at.Line, at.Column, $"last_reviewed '{reviewed}' is not a date written as YYYY-MM-DD");
            }
            else
            {
                var today = DateOnly.FromDateTime(context.Environment.Clock.GetUtcNow().UtcDateTime);
                var age = today.DayNumber - date.DayNumber;
                if (age > settings.RunbookReviewDays)
                {
                    diagnostics.Report(Rules.RunbookStale, doc.Source, at.Line, at.Column,
                        $"last reviewed {age} days ago ({reviewed}); the review period is {settings.RunbookReviewDays} days",
                        "review the steps, then update last_reviewed");
                }
                else if (age < 0)
                {
                    diagnostics.Report(Rules.RunbookField, doc.Source, at.Line, at.Column, $"last_reviewed {reviewed} is in the future");
                }
            }
        }
        var headings = doc.Headings.Where(h => h.Level is 2 or 3).Select(h => h.Text.Trim()).ToImmutableArray();
        var requiredSections = doc.Kind == "rollback" ? settings.RollbackRequiredSections : settings.RunbookRequiredSections;
        foreach (var required in requiredSections)
        {
            var alternatives = required.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!alternatives.Any(a => headings.Any(h => h.Equals(a, StringComparison.OrdinalIgnoreCase) || h.StartsWith(a + " ", StringComparison.OrdinalIgnoreCase) || h.StartsWith(a + ":", StringComparison.OrdinalIgnoreCase))))
            {
                var close = alternatives.Select(a => Similarity.Closest(a, headings)).FirstOrDefault(c => c is not null);
                diagnostics.Report(Rules.RunbookSection, doc.Source, doc.BodyLine, 1,
                    $"{doc.Kind} has no '{string.Join("' or '", alternatives)}' section",
                    close is null ? $"add a '## {alternatives[0]}' heading" : $"is '{close}' meant to be '{alternatives[0]}'?");
            }
        }
    }

    private static void CheckType(Document doc, string key, Func<string, bool> valid, string what, Engine.ExecutionContext context)
    {
        if (doc.FrontMatter.Get(key) is { } value && (value.Value is not string s || !valid(s)))
        {
            context.Diagnostics.Report(Rules.FrontMatterType, doc.Source, value.Line, value.Column, $"'{key}' must be {what}");
        }
    }

    private static void CheckScalar(Document doc, string key, Engine.ExecutionContext context) =>
        CheckType(doc, key, _ => true, "a single value, not a list or mapping", context);
}
