using System.Collections.Frozen;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>Every rule the build reports under, in one place: ids never change meaning.</summary>
public static class Rules
{
    public static readonly Rule FrontMatterSyntax = new("RD0001", "front-matter-syntax", Severity.Error,
        "Front matter is not valid YAML, TOML or JSON, or is not closed.",
        "Front matter sits at the very top of the file: YAML between two lines holding only `---` (a mapping of `key: value` lines), TOML between two lines holding only `+++`, or a JSON object opening the file (`{` … `}`), as Hugo reads them. The error points at the line and column in the .md file. The page is still built from its body, without the front matter.");

    public static readonly Rule SiteSettings = new("RD0002", "site-settings", Severity.Error,
        "site.yml is not valid, or a setting has the wrong type.",
        "Fix the value at the reported position; the default is used until then.");

    public static readonly Rule InputFile = new("RD0003", "input-file", Severity.Warning,
        "A file could not be read as it is: invalid UTF-8, or a symbolic link that leaves the input folder or loops.",
        "Invalid bytes are replaced with U+FFFD and the page is still built. Links out of the input folder are not followed, so a docs tree cannot pull in files from elsewhere on the machine.");

    public static readonly Rule Template = new("RD0004", "template", Severity.Error,
        "A theme template has a syntax error or failed while rendering.",
        "The message names the template and line. Templates run sandboxed: only the page model is visible, with loop and recursion limits.");

    public static readonly Rule OutputPath = new("RD0005", "output-path", Severity.Error,
        "A page would be written outside the output folder, or one file cannot be written there.",
        "Nothing is ever written outside the output folder; rename the source file. A file that cannot be written (its name clashes with a folder, or a copied file cannot be read) is named with the reason.");

    public static readonly Rule DuplicateUrl = new("RD0006", "duplicate-url", Severity.Warning,
        "Two source files become the same page URL.",
        "For example `ops.md` and `ops/index.md` both become `ops/index.html`, and `A.md` and `a.md` clash on a case-insensitive file system or server. Neither is lost: the first in path order keeps the URL, the other is built at a URL named after its file (`ops/index/index.html`, `a-2/index.html`) that the message gives, and links to either .md file go to its own page. Rename one of them to choose the URLs yourself.");

    public static readonly Rule MarkdownTooDeep = new("RD0007", "markdown-too-deep", Severity.Warning,
        "A page nests lists, block quotes, links or emphasis more than 128 levels deep, so it cannot be rendered as markdown.",
        "The page is still built, showing its text as written in a plain-text block, and the rest of the site is not affected. The diagnostic points at the deepest line found; flatten the nesting there.");

    public static readonly Rule BrokenDependency = new("RD0100", "broken-dependency", Severity.Error,
        "A dependency names a phase, deliverable or page that does not exist.",
        "`depends_on` entries are phase ids (`phase-3`), deliverables (`phase-3#deliverable-slug`) or links to pages. The hint suggests the closest existing target.");

    public static readonly Rule UnresolvedDependency = new("RD0101", "unresolved-dependency", Severity.Warning,
        "A dependency written as prose could not be mapped to any phase or deliverable.",
        "Write the dependency so it names what it waits for (\"Completion of Phase 2\", or a deliverable's words), or add it to `depends_on` as an explicit reference.");

    public static readonly Rule DependencyCycle = new("RD0102", "dependency-cycle", Severity.Error,
        "Phases depend on each other in a cycle.",
        "The message lists the whole cycle. A cycle makes the schedule and the critical path meaningless; remove one of the edges.");

    public static readonly Rule ScheduleConflict = new("RD0103", "schedule-conflict", Severity.Error,
        "A phase starts before a phase it depends on ends.",
        "Move the phase's weeks after its dependency's last week, or drop the dependency.");

    public static readonly Rule StatusConflict = new("RD0104", "status-conflict", Severity.Warning,
        "A phase's status disagrees with its checklist or its dependencies.",
        "A phase marked `done` must have every deliverable checked, and a phase that is done (or has all deliverables checked) cannot depend on a phase that is not done.");

    public static readonly Rule TimelineDrift = new("RD0105", "timeline-drift", Severity.Warning,
        "A hand-written timeline or total duration disagrees with the phases.",
        "Text such as `Week 5-7: Phase 3` or `Total Duration: 18 weeks` is checked against the phases' own weeks. The generated timeline is always right: consider deleting the hand-written copy.");

    public static readonly Rule RoadmapEntry = new("RD0106", "roadmap-entry", Severity.Warning,
        "A risk or KPI entry is malformed: a KPI without a target, a risk timeline that is not a week range.",
        "KPIs are bullets `- Name: Target >= 85%` with an optional `(current: 78%)`; risk timelines read like `Week 5-6`.");

    public static readonly Rule BrokenLink = new("RD0110", "broken-link", Severity.Error,
        "A link points to a page or file that the site does not have.",
        "Links are checked on the built HTML, relative to the page, so they hold under any path prefix and from disk. Link to the `.md` source of a page; a link to a folder (`runbooks/`) goes to its index page.");

    public static readonly Rule BrokenAnchor = new("RD0111", "broken-anchor", Severity.Error,
        "A link's `#anchor` is not an id on the target page.",
        "Heading ids are GitHub-style slugs of the heading text (`## Step 3: Drain traffic` → `#step-3-drain-traffic`), or the id written as `{#id}` after the heading.");

    public static readonly Rule DuplicatePhase = new("RD0112", "duplicate-phase", Severity.Error,
        "Two phases have the same number or id.",
        "Phase numbers must be unique: dependencies and the timeline refer to them.");

    public static readonly Rule DuplicateId = new("RD0113", "duplicate-id", Severity.Warning,
        "Two elements on one page have the same id, so one anchor cannot be reached.",
        "Automatic heading ids are made unique, so this comes from explicit `{#id}` attributes or raw HTML.");

    public static readonly Rule RunbookField = new("RD0120", "runbook-field", Severity.Warning,
        "A runbook lacks `owner`, `service`, `severity` or `last_reviewed`, or has an invalid value.",
        "On call, the owner and severity must be on the page. `severity` is `sev1` to `sev4`; `last_reviewed` a date `YYYY-MM-DD`.");

    public static readonly Rule RunbookStale = new("RD0121", "runbook-stale", Severity.Warning,
        "A runbook has not been reviewed within the review period.",
        "The period is `runbooks.review_days` in site.yml (default 90). Review the steps, then update `last_reviewed`.");

    public static readonly Rule RunbookSection = new("RD0122", "runbook-section", Severity.Warning,
        "A runbook lacks a required section.",
        "Required sections are `runbooks.required_sections` in site.yml (default: Symptoms, Diagnosis, Mitigation, and Rollback or Escalation), matched against H2/H3 headings, ignoring case.");

    public static readonly Rule FrontMatterType = new("RD0130", "front-matter-type", Severity.Error,
        "A front-matter value has the wrong type or form.",
        "For example `phase` must be a whole number, `weeks` a range like `3-4`, `status` one of planned, in-progress, done, blocked.");

    public static readonly Rule UnknownKind = new("RD0131", "unknown-kind", Severity.Warning,
        "`kind` names no known page kind.",
        "Known kinds: page, phase, runbook, rollback, architecture, roadmap, risks, kpis. The page is built with the default layout.");

    public static readonly Rule UnknownKey = new("RD0132", "unknown-key", Severity.Warning,
        "A front-matter key is not one the page's kind uses (often a typo).",
        "The hint names the closest known key. Keys the build does not know are ignored.");

    public static readonly Rule UnknownShortcode = new("RD0133", "unknown-shortcode", Severity.Warning,
        "A Hugo shortcode this build does not render.",
        "Rendered: `ref`, `relref`, `figure`, `highlight`, `notice`/`alert` (and `note`, `tip`, `warning`, …), `details` and `toc`. Any other shortcode is shown on the page as written, so nothing is silently dropped; replace it with markdown, or silence the rule in site.yml if showing it is fine.");

    public static readonly Rule UnclosedBlock = new("RD0134", "unclosed-block", Severity.Warning,
        "A code fence, raw HTML comment or script, or paired shortcode is opened and never closed, so it swallows the rest of the page.",
        "An unclosed ``` fence turns the rest of the page into code; an unclosed `<!--` hides it. The build shows an unclosed raw HTML opening as text, so the text after it and the page layout stay visible; add the closing at the reported place.");

    public static readonly Rule RawHtmlRemoved = new("RD0140", "raw-html-removed", Severity.Warning,
        "Raw HTML or a link URL was removed because this build does not trust raw HTML (raw_html: sanitize or escape).",
        "Pull-request previews of outside contributions build with `--raw-html sanitize`: scripts, event handlers (`onerror=`…), `javascript:` and other non-web URLs, frames, objects, embeds, forms, meta, base, style elements and inline styles are removed so they never reach a page. Details, kbd, sub/sup, tables, images, anchors with ids and divs with classes are kept. Write the content in markdown, or ask for the feature in the theme.");

    public static readonly Rule UnsafeFileName = new("RD0141", "unsafe-file-name", Severity.Warning,
        "A file or folder name has a character that cannot be part of a page URL as written; it is skipped.",
        "Page URLs come from file names and go into every page's links. A quote or angle bracket would end the link's markup, a colon would turn `javascript:alert(1).md` into a script URL, and `?`, `#` or `%` would point the link elsewhere. Rename the file with letters, digits, spaces, `-`, `_` and `.`.");

    public static readonly Rule ActiveFile = new("RD0142", "active-file", Severity.Warning,
        "A file that would run as a page of the site (HTML, XML, JavaScript, an SVG with a script) was not copied, because this build does not trust raw HTML.",
        "With `raw_html: sanitize` or `escape` (as pull-request previews build), input files are copied only when a browser cannot run them as a document of the site's own origin: `.html`, `.xhtml`, `.xml`, `.js` and the like are left out, and so is an SVG with a `<script>`, an `on…` handler, a `<foreignObject>` or a non-web link. A picture-only SVG is copied. Links to a left-out file are then broken.");

    public static readonly Rule InternalError = new("RD0000", "internal-error", Severity.Error,
        "A build stage failed unexpectedly.",
        "Please report it with the message. The rest of the build went on; the site was not replaced.");

    /// <summary>All rules by id, in id order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        InternalError, FrontMatterSyntax, SiteSettings, InputFile, Template, OutputPath, DuplicateUrl, MarkdownTooDeep,
        BrokenDependency, UnresolvedDependency, DependencyCycle, ScheduleConflict, StatusConflict, TimelineDrift, RoadmapEntry,
        BrokenLink, BrokenAnchor, DuplicatePhase, DuplicateId,
        RunbookField, RunbookStale, RunbookSection,
        FrontMatterType, UnknownKind, UnknownKey, UnknownShortcode, UnclosedBlock,
        RawHtmlRemoved, UnsafeFileName, ActiveFile,
    ];

    private static readonly FrozenDictionary<string, Rule> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    public static Rule? Find(string idOrName) =>
        ById.GetValueOrDefault(idOrName) ?? All.FirstOrDefault(r => r.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Applies site.yml's severity overrides (by id or name); "off" drops the diagnostic.</summary>
    public static IReadOnlyList<Diagnostic> ApplySeverities(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> overrides)
    {
        if (overrides.Count == 0)
        {
            return diagnostics;
        }
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, level) in overrides)
        {
            if (Find(key) is { } rule)
            {
                byId[rule.Id] = level;
            }
        }
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            if (!byId.TryGetValue(d.RuleId, out var level))
            {
                result.Add(d);
                continue;
            }
            switch (level)
            {
                case "off":
                    break;
                case "error":
                    result.Add(d with { Severity = Severity.Error });
                    break;
                case "warning":
                    result.Add(d with { Severity = Severity.Warning });
                    break;
                default:
                    result.Add(d with { Severity = Severity.Info });
                    break;
            }
        }
        return result;
    }
}
