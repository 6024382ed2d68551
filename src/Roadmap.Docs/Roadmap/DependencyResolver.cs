using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Roadmap;

/// <summary>Turns a dependency as written into what it points at: a phase, a deliverable, every earlier phase, or nothing.</summary>
/// <remarks>
/// The rules, first match wins:
/// <list type="number">
/// <item>"phase-3" and "phase-3#deliverable-slug" are references to that phase or deliverable.</item>
/// <item>A link ("phase-3-python.md", "[Python](../phase-3-python/)", with an optional #slug) points at the phase whose page it is.</item>
/// <item>Prose naming exactly one "Phase N" ("Completion of Phase 1") is that phase.</item>
/// <item>Prose about "all … phases" ("Completion of all technical phases") is every phase before the dependent one.</item>
/// <item>Other prose resolves only when it names a deliverable or a phase title: stemmed content words must agree with a
/// Dice score of at least <see cref="Threshold"/>, and a match in an earlier phase beats any later one.</item>
/// </list>
/// What is left is a condition about the world ("Development environments ready", "API layer stable"): it stays
/// <see cref="Unresolved"/>, with its closest candidate for a "did you mean" hint.
/// </remarks>
public sealed partial class DependencyResolver
{
    /// <summary>
    /// The lowest word-overlap score that counts as naming a deliverable or title. 0.75 means that at most one content
    /// word in seven differs: "Pydantic V2 migration complete" scores 0.86 against "Complete Pydantic V1 to V2 migration",
    /// while "Development environments ready" scores 0.67 against "Set up development environment documentation".
    /// </summary>
    public const double Threshold = 0.75;

    private readonly ImmutableArray<Phase> _phases;
    private readonly ImmutableArray<Candidate> _candidates;
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Phase> _byNumber = [];
    // The phases each page defines, by source file and by page URL (a link may name either); in phase order.
    private readonly Dictionary<string, List<Phase>> _byPage = new(StringComparer.Ordinal);

    public DependencyResolver(IEnumerable<Phase> phases)
    {
        _phases = [.. phases.OrderBy(p => p.Number)];
        _candidates =
        [
            .. _phases.SelectMany(phase => phase.Deliverables.Select(d => new Candidate(phase, d, WordMatch.Words(d.Text)))
                .Append(new Candidate(phase, null, WordMatch.Words(phase.Title)))),
        ];
        // Which candidates hold each word: prose is scored only against candidates it shares a word with (a score of 0
        // is never a match), which keeps a roadmap of a thousand phases from comparing every line with every deliverable.
        for (var i = 0; i < _candidates.Length; i++)
        {
            foreach (var word in _candidates[i].Words)
            {
                if (!_byWord.TryGetValue(word, out var list))
                {
                    _byWord[word] = list = [];
                }
                list.Add(i);
            }
        }
        foreach (var phase in _phases)
        {
            _byNumber.TryAdd(phase.Number, phase);
            foreach (var page in new[] { phase.SourceFile, PageOf(phase.Url) }.Distinct(StringComparer.Ordinal))
            {
                if (!_byPage.TryGetValue(page, out var list))
                {
                    _byPage[page] = list = [];
                }
                list.Add(phase);
            }
        }
    }

    /// <summary>True for the explicit forms (an id or a link), whose failure to resolve is a mistake worth a warning.</summary>
    public static bool IsReference(string text) => PhaseReference().IsMatch(text.Trim()) || LinkOf(text.Trim()) is not null;

    /// <summary>Resolves <paramref name="text"/> written as a dependency of <paramref name="from"/>.</summary>
    public DependencyTarget Resolve(string text, Phase from)
    {
        var written = text.Trim();
        var reference = PhaseReference().Match(written);
        if (reference.Success)
        {
            var fragment = reference.Groups["slug"].Success ? reference.Groups["slug"].Value : null;
            return ResolveIn(FindPhase(int.Parse(reference.Groups["n"].Value, CultureInfo.InvariantCulture)), fragment, written);
        }
        if (LinkOf(written) is { } link)
        {
            return ResolveLink(link, from);
        }
        var numbers = PhaseMention().Matches(written).Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (numbers.Count > 1)
        {
            return new Unresolved("it names more than one phase: list each as its own dependency", null, 0);
        }
        if (numbers.Count == 1)
        {
            return FindPhase(numbers[0]) is { } named
                ? new PhaseTarget(named.Id)
                : new Unresolved($"there is no phase {numbers[0]}", null, 0);
        }
        if (AllPhases().IsMatch(written))
        {
            return new AllPriorPhases([.. _phases.Where(p => p.Number < from.Number).Select(p => p.Id)]);
        }
        return ResolveProse(written, from);
    }

    private DependencyTarget ResolveProse(string text, Phase from)
    {
        var words = WordMatch.Words(text);
        // How many words each candidate shares with the prose, counted through the word index: one increment per shared
        // word, so a roadmap of thousands of phases whose deliverables share common words stays cheap.
        if (t_shared is null || t_shared.Length < _candidates.Length)
        {
            t_shared = new int[_candidates.Length];
        }
        var shared = t_shared;
        var touched = new List<int>();
        try
        {
            foreach (var word in words)
            {
                foreach (var i in _byWord.GetValueOrDefault(word) ?? [])
                {
                    if (shared[i]++ == 0)
                    {
                        touched.Add(i);
                    }
                }
            }
            return Closest(from, words.Count, touched, shared);
        }
        finally
        {
            foreach (var i in touched)
            {
                shared[i] = 0;
            }
        }
    }

    /// <summary>The best of the candidates that share words with the prose (<paramref name="shared"/> counts them).</summary>
    private DependencyTarget Closest(Phase from, int wordCount, List<int> touched, int[] shared)
    {
        // Best score first; on a tie the nearest phase, then a deliverable before a title (it is the narrower claim), then
        // the candidate's place in the roadmap.
        (Candidate Candidate, double Score, int Index)? best = null, bestEarlier = null, matched = null;
        touched.Sort();
        foreach (var i in touched)
        {
            var candidate = _candidates[i];
            var score = 2.0 * shared[i] / (wordCount + candidate.Words.Count);
            if (candidate.Phase.Number == from.Number)
            {
                continue;
            }
            var scored = (candidate, score, i);
            best = Better(scored, best, from) ? scored : best;
            // Prose is matched only against earlier phases: waiting on later work has to be said explicitly (depends_on),
            // and guessing forwards turned vague conditions into schedule conflicts.
            if (candidate.Phase.Number < from.Number)
            {
                bestEarlier = Better(scored, bestEarlier, from) ? scored : bestEarlier;
                if (score >= Threshold)
                {
                    matched = Better(scored, matched, from) ? scored : matched;
                }
            }
        }
        if (matched is { Candidate: var match })
        {
            return match.Deliverable is { } deliverable ? new DeliverableTarget(match.Phase.Id, deliverable.Slug) : new PhaseTarget(match.Phase.Id);
        }
        var closest = bestEarlier ?? best;
        return new Unresolved("it reads as a condition: it names no phase or deliverable", closest?.Candidate.Label, closest?.Score ?? 0);
    }

    // Per-candidate shared-word counts for ResolveProse, one array per thread (phases resolve in parallel), all zero between calls.
    [ThreadStatic]
    private static int[]? t_shared;

    private static bool Better((Candidate Candidate, double Score, int Index) a, (Candidate Candidate, double Score, int Index)? b, Phase from)
    {
        if (b is not { } other)
        {
            return true;
        }
        if (a.Score != other.Score)
        {
            return a.Score > other.Score;
        }
        var (distanceA, distanceB) = (Math.Abs(a.Candidate.Phase.Number - from.Number), Math.Abs(other.Candidate.Phase.Number - from.Number));
        if (distanceA != distanceB)
        {
            return distanceA < distanceB;
        }
        var (titleA, titleB) = (a.Candidate.Deliverable is null, other.Candidate.Deliverable is null);
        return titleA != titleB ? !titleA : a.Index < other.Index;
    }

    private DependencyTarget ResolveLink(string link, Phase from)
    {
        if (link.Contains("://", StringComparison.Ordinal))
        {
            return new Unresolved("it links outside the site", null, 0);
        }
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var fragment = hash < 0 ? null : link[(hash + 1)..];
        var target = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? Join(DirectoryOf(from.SourceFile), path)
            : Join(DirectoryOf(from.Url), path).TrimEnd('/');
        var pages = _byPage.GetValueOrDefault(target) ?? [];
        return pages.Count switch
        {
            0 => new Unresolved($"no phase is defined in '{target}'", null, 0),
            // A link to a phase page with an anchor that is not a deliverable (say #deliverables) still names that phase;
            // whether the anchor exists is the link check's business.
            1 when fragment is not null && !pages[0].Deliverables.Any(d => d.Slug == fragment) => new PhaseTarget(pages[0].Id),
            1 => ResolveIn(pages[0], fragment, link),
            // A roadmap document holds several phases: only a deliverable anchor can say which one.
            _ => pages.Where(p => p.Deliverables.Any(d => d.Slug == fragment)).Select(p => ResolveIn(p, fragment, link)).FirstOrDefault()
                ?? new Unresolved($"'{target}' holds several phases: link to a deliverable (#slug) or use phase-N", null, 0),
        };
    }

    private static DependencyTarget ResolveIn(Phase? phase, string? fragment, string written)
    {
        if (phase is null)
        {
            return new Unresolved($"'{written}' names a phase that does not exist", null, 0);
        }
        if (string.IsNullOrEmpty(fragment))
        {
            return new PhaseTarget(phase.Id);
        }
        if (phase.Deliverables.Any(d => d.Slug == fragment))
        {
            return new DeliverableTarget(phase.Id, fragment);
        }
        var words = WordMatch.Words(fragment.Replace('-', ' '));
        var closest = phase.Deliverables
            .Select(d => (d.Slug, Score: WordMatch.Similarity(words, WordMatch.Words(d.Text))))
            .OrderByDescending(s => s.Score)
            .FirstOrDefault();
        return new Unresolved($"{phase.Id} has no deliverable '{fragment}'", closest.Slug is null ? null : $"{phase.Id}#{closest.Slug}", closest.Score);
    }

    private Phase? FindPhase(int number) => _byNumber.GetValueOrDefault(number);

    /// <summary>The URL inside a markdown link, or the whole text when it is a bare path ("phase-3-python.md").</summary>
    private static string? LinkOf(string text)
    {
        var markdown = MarkdownLink().Match(text);
        if (markdown.Success)
        {
            return markdown.Groups["url"].Value;
        }
        var bare = !text.Any(char.IsWhiteSpace) && (text.Contains(".md", StringComparison.OrdinalIgnoreCase) || text.Contains('/', StringComparison.Ordinal));
        return bare ? text : null;
    }

    private static string PageOf(string url) =>
        (url.EndsWith("index.html", StringComparison.Ordinal) ? url[..^"index.html".Length] : url).Split('#')[0].TrimEnd('/');

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>Joins a relative link to a folder and folds "." and ".." (never above the root).</summary>
    private static string Join(string directory, string relative)
    {
        var parts = relative.StartsWith('/') ? [] : directory.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts) + (relative.EndsWith('/') ? "/" : "");
    }

    private sealed record Candidate(Phase Phase, Deliverable? Deliverable, FrozenSet<string> Words)
    {
        public string Label => Deliverable is null ? Phase.Id : $"{Phase.Id}#{Deliverable.Slug}";
    }

    [GeneratedRegex(@"^phase-(?<n>\d+)(?:#(?<slug>[^\s#]+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhaseReference();

    [GeneratedRegex(@"\bphase\s+(?<n>\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhaseMention();

    [GeneratedRegex(@"\ball\b.*\bphases\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllPhases();

    [GeneratedRegex(@"\[[^\]]*\]\((?<url>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();
}
