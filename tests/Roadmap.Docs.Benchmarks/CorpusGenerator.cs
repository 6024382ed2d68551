using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Benchmarks;

/// <summary>Knobs for <see cref="CorpusGenerator.Generate"/>; the defaults look like the real knowledge base.</summary>
public sealed record CorpusOptions
{
    /// <summary>How many links to pages that do not exist to plant (each in a different page while pages last).</summary>
    public int BrokenLinks { get; init; }

    /// <summary>How many links to existing pages with a <c>#fragment</c> no heading there has.</summary>
    public int BrokenAnchors { get; init; }

    /// <summary>Prose words per content page (headings, lists and tables count; code does not).</summary>
    public int WordsPerPage { get; init; } = 400;

    /// <summary>Relative links from each content page to other pages, about half with a <c>#heading</c> anchor.</summary>
    public int LinksPerPage { get; init; } = 6;

    /// <summary>A folder holding more pages than this is split into numbered sub-areas (area-01/, area-02/, …).</summary>
    public int MaxPagesPerFolder { get; init; } = 200;
}

/// <summary>Why a planted link is broken.</summary>
public enum PlantedKind
{
    /// <summary>The linked .md file does not exist.</summary>
    MissingPage,

    /// <summary>The page exists but has no heading with that anchor.</summary>
    MissingAnchor,
}

/// <summary>A link broken on purpose: the input-relative file, the 1-based line and column of its '[' in that file (front matter counted), and the URL as written.</summary>
public sealed record PlantedLink(string Source, int Line, int Column, string Url, PlantedKind Kind);

/// <summary>A generated knowledge base: its folder, every markdown file (input-relative, '/'-separated, sorted) and the links broken on purpose.</summary>
public sealed record Corpus(string Root, ImmutableArray<string> Pages, ImmutableArray<PlantedLink> Planted);

/// <summary>
/// Writes a knowledge base shaped like input/ (roadmap phases, runbooks, rollback procedures, architecture and plain pages)
/// of any size. The same arguments always give the same bytes; no console output, so tests can use it too.
/// </summary>
public static class CorpusGenerator
{
    private static readonly (string Folder, string Title, double Share)[] Sections =
    [
        ("roadmap", "Implementation roadmap", 0.25),
        ("runbooks", "Runbooks", 0.35),
        ("rollback", "Rollback procedures", 0.15),
        ("architecture", "Architecture", 0.25),
    ];

    /// <summary>Generates <paramref name="pages"/> markdown files (index pages included) and a site.yml into <paramref name="folder"/>, which must be empty or missing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 10 pages, or options out of range.</exception>
    /// <exception cref="IOException">The folder already holds files.</exception>
    public static Corpus Generate(string folder, int pages, int seed, CorpusOptions? options = null)
    {
        options ??= new CorpusOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPagesPerFolder, 10, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BrokenLinks, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BrokenAnchors, nameof(options));
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"'{folder}' is not empty; the corpus goes into an empty or new folder");
        }

        var text = new CorpusText(new Random(seed));
        var plan = new Plan(text, options);
        plan.Build(pages);
        var planted = plan.PlantBroken();

        var root = Path.GetFullPath(folder);
        var written = ImmutableArray.CreateBuilder<PlantedLink>();
        foreach (var page in plan.Pages)
        {
            var writer = new PageWriter(text, options, plan, page);
            var content = writer.Write(planted.GetValueOrDefault(page) ?? []);
            written.AddRange(writer.Planted);
            var path = Path.Combine(root, page.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, Utf8);
        }
        File.WriteAllText(Path.Combine(root, "site.yml"), SiteYml, Utf8);

        return new Corpus(
            root,
            [.. plan.Pages.Select(p => p.Path).Order(StringComparer.Ordinal)],
            [.. written.OrderBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)]);
    }

    /// <summary>GitHub's heading anchor: lowercase; letters, digits, '-' and '_' kept; each space becomes '-'; other punctuation dropped.</summary>
    public static string Slug(string heading) => CorpusText.Slug(heading);

    /// <summary>The relative URL from one input-relative .md file to another ("runbooks/a.md" → "../roadmap/b.md").</summary>
    /// <remarks>Deliberately not SitePaths.Relative: lint tests check the library's link resolution against this corpus, so the corpus must not share its code.</remarks>
    private static string RelativeLink(string from, string to)
    {
        var fromParts = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromParts.Length && common < toParts.Length - 1 && fromParts[common] == toParts[common])
        {
            common++;
        }
        return string.Concat(Enumerable.Repeat("../", fromParts.Length - common)) + string.Join('/', toParts[common..]);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const string SiteYml = """
        # Generated benchmark corpus (Roadmap.Docs.Benchmarks CorpusGenerator).
        title: Generated knowledge base
        description: A synthetic roadmap, runbook and architecture knowledge base for benchmarks and lint tests.
        base_url: https://example.org/kb/
        language: en

        roadmap:
          start: 2026-01-05

        runbooks:
          review_days: 120
          required_sections:
            - Symptoms
            - Diagnosis
            - Mitigation
            - [Rollback, Escalation]

        """;

    /// <summary>A heading of a page, with the role that decides what is written under it.</summary>
    private sealed record Section(int Level, string Text, string Role)
    {
        public string Anchor => CorpusText.Slug(Text);
    }

    /// <summary>Everything decided about a page before any page is written, so links can point at headings that exist.</summary>
    private sealed class PagePlan(string path, string kind, string title)
    {
        public string Path { get; } = path;

        public string Kind { get; } = kind;

        public string Title { get; } = title;

        public int Order { get; set; }

        public string Service { get; set; } = "";

        public int Phase { get; set; }

        public int PhaseCount { get; set; }

        public PagePlan? PreviousPhase { get; set; }

        /// <summary>The index page of the folder this page is in.</summary>
        public PagePlan? Parent { get; set; }

        public List<string> Deliverables { get; } = [];

        public List<Section> Sections { get; } = [];

        public List<PagePlan> Children { get; } = [];

        public bool IsIndex => Kind == "index";

        /// <summary>Adds a heading, renaming it when its anchor is taken (GitHub would number it; unique anchors keep links unambiguous).</summary>
        public void Add(int level, string heading, string role)
        {
            var candidate = heading;
            for (var n = 2; Sections.Any(s => s.Anchor == CorpusText.Slug(candidate)); n++)
            {
                candidate = $"{heading} {n}";
            }
            Sections.Add(new Section(level, candidate, role));
        }
    }

    /// <summary>The folder tree and every page's title, front matter facts and headings.</summary>
    private sealed class Plan(CorpusText text, CorpusOptions options)
    {
        private readonly List<PagePlan> _phases = [];
        private int _sequence;

        public List<PagePlan> Pages { get; } = [];

        public List<PagePlan> Leaves { get; } = [];

        public void Build(int pages)
        {
            var home = AddPage("index.md", "index", "Generated knowledge base");
            var remaining = pages - 1;
            var counts = Sections.Select(s => Math.Max(2, (int)(remaining * s.Share))).ToArray();
            counts[1] += remaining - counts.Sum();
            for (var i = 0; i < Sections.Length; i++)
            {
                var section = PlanFolder(Sections[i].Folder + "/", Sections[i].Folder, Sections[i].Title, counts[i]);
                section.Order = i + 1;
                home.Children.Add(section);
            }
            foreach (var phase in _phases)
            {
                phase.PhaseCount = _phases.Count;
            }
        }

        /// <summary>Chooses the pages that get a broken link or anchor: distinct content pages while there are enough.</summary>
        public Dictionary<PagePlan, List<(PlantedKind Kind, string Url)>> PlantBroken()
        {
            var planted = new Dictionary<PagePlan, List<(PlantedKind, string)>>();
            var order = Leaves.OrderBy(_ => text.Next(int.MaxValue)).ToList();
            var next = 0;
            for (var i = 0; i < options.BrokenLinks + options.BrokenAnchors; i++)
            {
                var page = order[next++ % order.Count];
                var number = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
                (PlantedKind, string) link;
                if (i < options.BrokenLinks)
                {
                    var elsewhere = text.Pick(Pages).Path;
                    var missing = elsewhere[..(elsewhere.LastIndexOf('/') + 1)] + $"missing-page-{number}.md";
                    link = (PlantedKind.MissingPage, RelativeLink(page.Path, missing));
                }
                else
                {
                    var target = text.Pick(Leaves);
                    var anchor = $"{text.Pick(target.Sections).Anchor}-retired-{number}";
                    link = (PlantedKind.MissingAnchor, RelativeLink(page.Path, target.Path) + "#" + anchor);
                }
                if (!planted.TryGetValue(page, out var list))
                {
                    planted[page] = list = [];
                }
                list.Add(link);
            }
            return planted;
        }

        private PagePlan AddPage(string path, string kind, string title)
        {
            var page = new PagePlan(path, kind, title);
            Pages.Add(page);
            return page;
        }

        /// <summary>A folder of <paramref name="count"/> pages, its index.md included; split into areas when it would hold too many.</summary>
        private PagePlan PlanFolder(string folder, string section, string title, int count)
        {
            var index = AddPage(folder + "index.md", "index", title);
            var cap = options.MaxPagesPerFolder;
            if (count <= cap)
            {
                for (var i = 1; i < count; i++)
                {
                    var leaf = PlanLeaf(folder, section);
                    leaf.Order = i;
                    leaf.Parent = index;
                    index.Children.Add(leaf);
                }
                return index;
            }
            var areas = Math.Min(cap - 1, (count - 1 + cap - 1) / cap);
            for (var i = 0; i < areas; i++)
            {
                var share = (count - 1) / areas + (i < (count - 1) % areas ? 1 : 0);
                var number = (i + 1).ToString("D2", CultureInfo.InvariantCulture);
                var area = PlanFolder($"{folder}area-{number}/", section, $"{title}, area {i + 1}", share);
                area.Order = i + 1;
                index.Children.Add(area);
            }
            return index;
        }

        private PagePlan PlanLeaf(string folder, string section)
        {
            var seq = (++_sequence).ToString("D5", CultureInfo.InvariantCulture);
            var service = text.Pick(CorpusText.Services);
            PagePlan page;
            switch (section)
            {
                case "roadmap" when text.Chance(0.75):
                    var n = _phases.Count + 1;
                    var theme = text.Pick(CorpusText.PhaseThemes);
                    page = AddPage($"{folder}phase-{n}-{theme}.md", "phase", $"Phase {n}: {Words(theme)}");
                    page.Phase = n;
                    page.PreviousPhase = _phases.LastOrDefault();
                    _phases.Add(page);
                    page.Deliverables.AddRange(Enumerable.Range(0, 8).Select(_ => text.Phrase(3, 7)).Distinct(StringComparer.Ordinal));
                    AddSections(page, ["Objectives:list", "Deliverables:deliverables", "Dependencies:dependencies", "Success metrics:list", "Risks:table", "Notes:code"]);
                    page.Add(3, $"Week {2 * n}: {text.Phrase(2, 4)}", "prose");
                    break;
                case "runbooks" or "rollback":
                    var problem = text.Pick(CorpusText.Problems);
                    var kind = section == "runbooks" ? "runbook" : "rollback";
                    var name = kind == "runbook" ? $"{service}-{problem}-{seq}" : $"rollback-{service}-{seq}";
                    page = AddPage($"{folder}{name}.md", kind, kind == "runbook" ? $"{Words(service)} {problem.Replace('-', ' ')} {seq}" : $"Roll back {service} ({seq})");
                    AddSections(page, ["Symptoms:list", "Diagnosis:code", "Mitigation:code"]);
                    page.Add(3, $"Step 1: {text.Phrase(2, 4)}", "code");
                    page.Add(3, $"Step 2: {text.Phrase(2, 4)}", "prose");
                    AddSections(page, ["Rollback:code", "Escalation:table", "Verification:tasks"]);
                    break;
                case "architecture" when text.Chance(0.8):
                    var topic = text.Pick(CorpusText.ArchitectureTopics);
                    page = AddPage($"{folder}{topic}-{seq}.md", "architecture", $"{Words(topic)} {seq}");
                    AddSections(page, ["Overview:prose", "Components:table", "Request flow:list", "Configuration:code", "Data model:code", "Failure modes:prose"]);
                    page.Add(3, text.ExtraHeading(), "prose");
                    break;
                default:
                    var plain = text.Pick(CorpusText.PlainTopics);
                    page = AddPage($"{folder}{plain}-{seq}.md", "page", $"{Words(plain)} {seq}");
                    for (var i = text.Next(3, 6); i > 0; i--)
                    {
                        page.Add(2, text.ExtraHeading(), text.Pick(["prose", "list", "table", "code", "tasks"]));
                        if (text.Chance(0.4))
                        {
                            page.Add(3, text.ExtraHeading(), "prose");
                        }
                    }
                    break;
            }
            page.Service = service;
            if (text.Chance(0.5))
            {
                page.Add(2, text.ExtraHeading(), "prose");
            }
            Leaves.Add(page);
            return page;
        }

        private static void AddSections(PagePlan page, string[] sections)
        {
            foreach (var section in sections)
            {
                var colon = section.IndexOf(':', StringComparison.Ordinal);
                page.Add(2, section[..colon], section[(colon + 1)..]);
            }
        }

        private static string Words(string slug) => char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
    }

    /// <summary>Writes one page line by line, counting lines and columns so planted links can be reported where they stand.</summary>
    private sealed class PageWriter(CorpusText text, CorpusOptions options, Plan plan, PagePlan page)
    {
        private const int Width = 100;
        private readonly StringBuilder _out = new();
        private readonly Queue<(string Text, string Url, PlantedKind? Kind)> _links = new();
        private int _line = 1;
        private int _words;
        private int _paragraphsLeft;

        public List<PlantedLink> Planted { get; } = [];

        public string Write(List<(PlantedKind Kind, string Url)> broken)
        {
            WriteFrontMatter();
            if (page.IsIndex)
            {
                WriteIndex();
                return _out.ToString();
            }
            QueueLinks(broken);
            _paragraphsLeft = page.Sections.Count + 1;
            Paragraph();
            foreach (var section in page.Sections)
            {
                Line($"{new string('#', section.Level)} {section.Text}");
                Line("");
                _words += section.Text.Split(' ').Length;
                Paragraph();
                WriteBlock(section.Role);
            }
            if (_links.Count > 0)
            {
                // Links the paragraphs had no room for still count: they close the page.
                Emit(["Related:"], takeLinks: _links.Count);
            }
            return _out.ToString();
        }

        private void WriteFrontMatter()
        {
            Line("---");
            Line($"title: {Quote(page.Title)}");
            switch (page.Kind)
            {
                case "index":
                    Line("kind: page");
                    break;
                case "phase":
                    Line("kind: phase");
                    Line($"phase: {page.Phase}");
                    Line($"weeks: {2 * page.Phase - 1}-{2 * page.Phase}");
                    if (page.PreviousPhase is { } previous)
                    {
                        Line("depends_on:");
                        Line($"  - phase-{previous.Phase}");
                        Line($"  - phase-{previous.Phase}#{CorpusText.Slug(previous.Deliverables[0])}");
                    }
                    else
                    {
                        Line("depends_on: []");
                    }
                    Line($"owner: {text.Pick(CorpusText.Owners)}");
                    Line($"status: {Status()}");
                    break;
                case "runbook" or "rollback":
                    Line($"kind: {page.Kind}");
                    Line($"service: {page.Service}");
                    Line($"severity: sev{text.Next(1, 4)}");
                    Line($"owner: {text.Pick(CorpusText.Owners)}");
                    Line($"last_reviewed: {text.Date()}");
                    break;
                case "architecture":
                    Line("kind: architecture");
                    Line($"owner: {text.Pick(CorpusText.Owners)}");
                    break;
                default:
                    Line("kind: page");
                    break;
            }
            Line($"order: {page.Order}");
            if (!page.IsIndex)
            {
                Line($"tags: [{string.Join(", ", text.Tags(text.Next(1, 4)))}]");
            }
            Line("---");
            Line("");
        }

        private void WriteIndex()
        {
            Emit([.. text.Sentence(text.Next(25, 50))], takeLinks: 0);
            Line("## Contents");
            Line("");
            if (page.Children.All(c => c.IsIndex))
            {
                foreach (var child in page.Children)
                {
                    Line($"- [{child.Title}]({RelativeLink(page.Path, child.Path)}): {text.Phrase(4, 9)}.");
                }
                Line("");
                return;
            }
            Line("| Page | Kind | Summary |");
            Line("|---|---|---|");
            foreach (var child in page.Children)
            {
                Line($"| [{child.Title}]({RelativeLink(page.Path, child.Path)}) | {child.Kind} | {text.Phrase(3, 8)} |");
            }
            Line("");
        }

        /// <summary>What goes under a heading after its paragraph: a list, task list, table, code block or nothing.</summary>
        private void WriteBlock(string role)
        {
            switch (role)
            {
                case "list":
                    Items(text.Next(3, 6), _ => $"- {text.Phrase(4, 10)}.");
                    break;
                case "tasks":
                    Items(text.Next(3, 7), _ => $"- [{(text.Chance(0.5) ? "x" : " ")}] {text.Phrase(3, 7)}");
                    break;
                case "deliverables":
                    var done = Status() switch { "done" => page.Deliverables.Count, "in-progress" => page.Deliverables.Count / 2, _ => 0 };
                    Items(page.Deliverables.Count, i => $"- [{(i < done ? "x" : " ")}] {page.Deliverables[i]}");
                    break;
                case "dependencies":
                    Line(page.PreviousPhase is { } previous
                        ? $"- Completion of [{previous.Title}]({RelativeLink(page.Path, previous.Path)}#deliverables)."
                        : "- None: this is the first phase.");
                    Items(text.Next(1, 3), _ => $"- {text.Phrase(4, 10)}.");
                    break;
                case "table":
                    Line("| Item | Owner | Notes |");
                    Line("|---|---|---|");
                    Items(text.Next(3, 6), _ => $"| {text.Phrase(1, 3)} | {text.Pick(CorpusText.Owners)} | {text.Phrase(3, 8)} |");
                    break;
                case "code":
                    foreach (var line in text.CodeBlock(page.Service))
                    {
                        Line(line);
                    }
                    Line("");
                    break;
            }
        }

        private void Items(int count, Func<int, string> item)
        {
            for (var i = 0; i < count; i++)
            {
                var line = item(i);
                _words += line.Split(' ').Length - 1;
                Line(line);
            }
            Line("");
        }

        /// <summary>A prose paragraph sized to spread the remaining word budget, carrying up to two of the page's links.</summary>
        private void Paragraph()
        {
            var budget = Math.Max(12, (options.WordsPerPage - _words) / Math.Max(1, _paragraphsLeft--));
            var words = new List<string>();
            while (words.Count < budget)
            {
                words.AddRange(text.Sentence(Math.Min(budget - words.Count, text.Next(8, 19))));
            }
            _words += words.Count;
            Emit(words, takeLinks: Math.Min(_links.Count, text.Next(0, 3)));
        }

        /// <summary>Wraps words (and links, which are never split) at <see cref="Width"/> and records where planted links land.</summary>
        private void Emit(IReadOnlyList<string> words, int takeLinks)
        {
            var tokens = words.Select(w => (Text: w, Kind: (PlantedKind?)null, Url: "")).ToList();
            for (var i = 0; i < takeLinks; i++)
            {
                var link = _links.Dequeue();
                var at = tokens.Count == 0 ? 0 : text.Next(1, tokens.Count + 1);
                tokens.Insert(at, ($"[{link.Text}]({link.Url})", link.Kind, link.Url));
            }
            var line = new StringBuilder();
            foreach (var (token, kind, url) in tokens)
            {
                if (line.Length > 0 && line.Length + 1 + token.Length > Width)
                {
                    Line(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0)
                {
                    line.Append(' ');
                }
                if (kind is { } planted)
                {
                    Planted.Add(new PlantedLink(page.Path, _line, line.Length + 1, url, planted));
                }
                line.Append(token);
            }
            Line(line.ToString());
            Line("");
        }

        /// <summary>The page's links in a shuffled queue: siblings, pages anywhere, some with an anchor, and the planted broken ones.</summary>
        private void QueueLinks(List<(PlantedKind Kind, string Url)> broken)
        {
            var links = new List<(string, string, PlantedKind?)>();
            var siblings = page.Parent!.Children.Where(c => c != page).ToList();
            for (var i = 0; i < options.LinksPerPage; i++)
            {
                var pool = siblings.Count > 0 && text.Chance(0.5) ? siblings : plan.Leaves;
                var target = text.Pick(pool);
                if (target == page)
                {
                    continue;
                }
                var url = RelativeLink(page.Path, target.Path);
                if (text.Chance(0.5))
                {
                    url += "#" + text.Pick(target.Sections).Anchor;
                }
                links.Add((target.Title, url, null));
            }
            links.AddRange(broken.Select(b => ("see also", b.Url, (PlantedKind?)b.Kind)));
            foreach (var link in links.OrderBy(_ => text.Next(int.MaxValue)))
            {
                _links.Enqueue(link);
            }
        }

        private string Status() =>
            page.Phase <= page.PhaseCount / 2 ? "done" : page.Phase == page.PhaseCount / 2 + 1 ? "in-progress" : "planned";

        private void Line(string line)
        {
            _out.Append(line).Append('\n');
            _line++;
        }

        private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
