using System.Collections.Immutable;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.FrontMatter;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Configuration;

/// <summary>What <c>input/site.yml</c> says, with defaults for everything it leaves out.</summary>
public sealed record SiteSettings
{
    public const string FileName = "site.yml";

    public string Title { get; init; } = "Documentation";

    public string Description { get; init; } = "";

    /// <summary>Only for URLs that must be absolute (sitemap, canonical link); pages link relatively.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Prefix for "edit this page" links; the page's input-relative source path is appended.</summary>
    public string? EditUrl { get; init; }

    public string Language { get; init; } = "en";

    public ImmutableArray<string> Include { get; init; } = ["**/*"];

    public ImmutableArray<string> Exclude { get; init; } = [];

    public DateOnly? RoadmapStart { get; init; }

    public int RunbookReviewDays { get; init; } = 90;

    /// <summary>Sections every runbook needs; an entry with "|" is satisfied by any of its alternatives.</summary>
    public ImmutableArray<string> RunbookRequiredSections { get; init; } = ["Symptoms", "Diagnosis", "Mitigation", "Rollback|Escalation"];

    /// <summary>Sections every rollback procedure needs (it is a list of steps, so no Diagnosis/Mitigation), same form.</summary>
    public ImmutableArray<string> RollbackRequiredSections { get; init; } = ["Symptoms|When to roll back", "Verification", "Escalation"];

    /// <summary>HTML written inside markdown: kept (allow), cleaned (sanitize) or shown as text (escape). See <see cref="RawHtmlMode"/>.</summary>
    public RawHtmlMode RawHtml { get; init; } = RawHtmlMode.Allow;

    /// <summary>Severity overrides by rule id: "error", "warning", "info" or "off".</summary>
    public ImmutableDictionary<string, string> LintSeverities { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Reads site.yml from the input folder; a missing file gives the defaults, a bad one diagnostics and defaults.</summary>
    public static SiteSettings Load(string inputRoot, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputRoot, FileName);
        if (!File.Exists(path))
        {
            return new SiteSettings();
        }
        var result = YamlValues.ParseMapping(File.ReadAllText(path), 1);
        if (result.Error is not null)
        {
            diagnostics.Report(Rules.SiteSettings, FileName, result.ErrorLine, result.ErrorColumn, $"site.yml is not valid YAML: {result.Error}");
            return new SiteSettings();
        }
        var yaml = result.Values;
        var settings = new SiteSettings();
        var roadmap = Section(yaml, "roadmap");
        var runbooks = Section(yaml, "runbooks");
        var lint = Section(yaml, "lint");
        settings = settings with
        {
            Title = yaml.GetString("title") ?? settings.Title,
            Description = yaml.GetString("description") ?? settings.Description,
            BaseUrl = yaml.GetString("base_url"),
            EditUrl = yaml.GetString("edit_url"),
            Language = yaml.GetString("language") ?? settings.Language,
            Include = yaml.Contains("include") ? yaml.GetList("include") : settings.Include,
            Exclude = yaml.GetList("exclude"),
            RunbookRequiredSections = runbooks.Contains("required_sections")
                ? [.. RequiredSections(runbooks.Get("required_sections")!)]
                : settings.RunbookRequiredSections,
            RollbackRequiredSections = runbooks.Contains("rollback_required_sections")
                ? [.. RequiredSections(runbooks.Get("rollback_required_sections")!)]
                : settings.RollbackRequiredSections,
        };
        if (roadmap.Contains("start"))
        {
            var start = roadmap.GetDate("start");
            if (start is null)
            {
                var at = roadmap.Get("start")!;
                diagnostics.Report(Rules.SiteSettings, FileName, at.Line, at.Column, "roadmap.start must be a date written as YYYY-MM-DD");
            }
            settings = settings with { RoadmapStart = start };
        }
        if (yaml.Get("raw_html") is { } rawHtml)
        {
            var mode = RawHtmlModes.Parse(rawHtml.Value as string);
            if (mode is null)
            {
                diagnostics.Report(Rules.SiteSettings, FileName, rawHtml.Line, rawHtml.Column, "raw_html must be allow, sanitize or escape");
            }
            // A bad value must not fall back to the most permissive mode.
            settings = settings with { RawHtml = mode ?? RawHtmlMode.Sanitize };
        }
        if (runbooks.Contains("review_days"))
        {
            var days = runbooks.GetInt("review_days");
            if (days is null or < 1)
            {
                var at = runbooks.Get("review_days")!;
                diagnostics.Report(Rules.SiteSettings, FileName, at.Line, at.Column, "runbooks.review_days must be a whole number of days above 0");
            }
            settings = settings with { RunbookReviewDays = days is > 0 ? days.Value : settings.RunbookReviewDays };
        }
        var rules = Section(lint, "rules");
        var severities = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, value) in rules.Values)
        {
            var level = (value.Value as string)?.ToLowerInvariant();
            if (level is "error" or "warning" or "info" or "off")
            {
                severities[rule] = level;
            }
            else
            {
                diagnostics.Report(Rules.SiteSettings, FileName, value.Line, value.Column, $"lint.rules.{rule} must be error, warning, info or off");
            }
        }
        return settings with { LintSeverities = severities.ToImmutable() };
    }

    private static Engine.FrontMatter Section(Engine.FrontMatter yaml, string key) =>
        yaml.Get(key)?.Value is IReadOnlyDictionary<string, FrontMatterValue> map
            ? new Engine.FrontMatter(map.ToImmutableDictionary(StringComparer.Ordinal))
            : Engine.FrontMatter.Empty;

    private static IEnumerable<string> RequiredSections(FrontMatterValue value)
    {
        if (value.Value is not IReadOnlyList<FrontMatterValue> items)
        {
            yield break;
        }
        foreach (var item in items)
        {
            switch (item.Value)
            {
                case string s:
                    yield return s;
                    break;
                case IReadOnlyList<FrontMatterValue> alternatives:
                    yield return string.Join('|', alternatives.Select(a => a.Value as string).OfType<string>());
                    break;
            }
        }
    }
}
