using System.Collections.Immutable;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Phases and what each needs first, from resolved dependencies (a deliverable counts as its phase,
/// "all prior phases" as each of them). Every walk tolerates cycles, so a bad roadmap never hangs the build.
/// </summary>
internal sealed class PhaseGraph
{
    private readonly ImmutableArray<Phase> _phases;
    private readonly Dictionary<string, ImmutableArray<Phase>> _prerequisites;

    public PhaseGraph(IEnumerable<Phase> phases)
    {
        _phases = [.. phases.OrderBy(p => p.Number)];
        var byId = _phases.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _prerequisites = _phases.ToDictionary(
            p => p.Id,
            p => p.Dependencies
                .SelectMany(d => d.Resolved switch
                {
                    PhaseTarget t => [t.PhaseId],
                    DeliverableTarget t => [t.PhaseId],
                    AllPriorPhases t => t.PhaseIds,
                    _ => ImmutableArray<string>.Empty,
                })
                .Distinct(StringComparer.Ordinal)
                .Where(byId.ContainsKey)
                .Select(id => byId[id])
                .OrderBy(q => q.Number)
                .ToImmutableArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The phases <paramref name="phase"/> waits for, in number order.</summary>
    public ImmutableArray<Phase> Prerequisites(Phase phase) => _prerequisites.GetValueOrDefault(phase.Id, []);

    /// <summary>The first cycle found, closed ("phase-2", "phase-3", "phase-2"), or empty when there is none.</summary>
    public ImmutableArray<string> FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = finished
        var path = new List<Phase>();
        ImmutableArray<string> Visit(Phase phase)
        {
            state[phase.Id] = 1;
            path.Add(phase);
            foreach (var next in Prerequisites(phase))
            {
                var seen = state.GetValueOrDefault(next.Id);
                if (seen == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)).Select(p => p.Id), next.Id];
                }
                if (seen == 0 && Visit(next) is { IsEmpty: false } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[phase.Id] = 2;
            return [];
        }
        foreach (var phase in _phases.Where(p => !state.ContainsKey(p.Id)))
        {
            if (Visit(phase) is { IsEmpty: false } cycle)
            {
                return cycle;
            }
        }
        return [];
    }

    /// <summary>
    /// The chain of dependent phases with the most weeks in total (the sum of phase lengths), first phase first.
    /// Ties go to the lower phase number; an edge that would close a cycle is ignored.
    /// </summary>
    public ImmutableArray<string> CriticalPath()
    {
        var length = new Dictionary<string, int>(StringComparer.Ordinal);
        var previous = new Dictionary<string, Phase?>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        int Longest(Phase phase)
        {
            if (length.TryGetValue(phase.Id, out var known))
            {
                return known;
            }
            onPath.Add(phase.Id);
            Phase? best = null;
            var bestLength = 0;
            foreach (var before in Prerequisites(phase).Where(p => !onPath.Contains(p.Id)))
            {
                var chain = Longest(before);
                if (chain > bestLength)
                {
                    (best, bestLength) = (before, chain);
                }
            }
            onPath.Remove(phase.Id);
            previous[phase.Id] = best;
            return length[phase.Id] = bestLength + phase.Weeks.Length;
        }
        Phase? end = null;
        var endLength = 0;
        foreach (var phase in _phases)
        {
            var chain = Longest(phase);
            if (chain > endLength)
            {
                (end, endLength) = (phase, chain);
            }
        }
        var path = new List<string>();
        for (var at = end; at is not null; at = previous[at.Id])
        {
            path.Add(at.Id);
        }
        path.Reverse();
        return [.. path];
    }

    /// <summary>
    /// The dependency edges worth drawing: a prerequisite is left out when another prerequisite already waits for it
    /// (phase 8 needs phases 1–7, but 7 needs 6 needs 5…, so only 7 → 8 is drawn).
    /// </summary>
    public IEnumerable<(Phase From, Phase To)> DirectEdges()
    {
        // Whether one prerequisite reaches another: from every phase's ancestors, made once in dependency order (a walk per
        // pair was quadratic in a long chain of phases: the whole-roadmap timeline of 3,700 phases allocated gigabytes).
        Func<Phase, Phase, bool> reaches = Ancestors() is { } ancestors
            ? (from, target) => ancestors.Sets[ancestors.Index[from.Id]][ancestors.Index[target.Id]]
            : Reaches;
        foreach (var phase in _phases)
        {
            var prerequisites = Prerequisites(phase).Where(p => p.Id != phase.Id).ToList();
            foreach (var before in prerequisites)
            {
                if (!prerequisites.Any(other => other.Id != before.Id && reaches(other, before)))
                {
                    yield return (before, phase);
                }
            }
        }
    }

    /// <summary>Up to this many phases, every phase's ancestors are kept as a bit set (12.5 MB at 10,000 phases).</summary>
    private const int MaxPhasesForAncestorSets = 20_000;

    /// <summary>
    /// Every phase's ancestors (what it waits for, directly or not) as bits by phase position, built in dependency order;
    /// null for a graph with a cycle or too many phases (then pairs are walked one by one).
    /// </summary>
    private (Dictionary<string, int> Index, System.Collections.BitArray[] Sets)? Ancestors()
    {
        if (_phases.Length > MaxPhasesForAncestorSets || _phases.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != _phases.Length)
        {
            return null;
        }
        var index = _phases.Select((p, i) => (p.Id, i)).ToDictionary(e => e.Id, e => e.i, StringComparer.Ordinal);
        var sets = new System.Collections.BitArray[_phases.Length];
        var waiting = _phases.Select(p => Prerequisites(p).Count(q => q.Id != p.Id)).ToArray();
        var dependents = _phases.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _phases.Length; i++)
        {
            foreach (var before in Prerequisites(_phases[i]).Where(q => q.Id != _phases[i].Id))
            {
                dependents[index[before.Id]].Add(i);
            }
        }
        var ready = new Queue<int>(Enumerable.Range(0, _phases.Length).Where(i => waiting[i] == 0));
        var done = 0;
        while (ready.TryDequeue(out var at))
        {
            done++;
            var set = new System.Collections.BitArray(_phases.Length);
            foreach (var before in Prerequisites(_phases[at]).Where(q => q.Id != _phases[at].Id))
            {
                set.Or(sets[index[before.Id]]);
                set[index[before.Id]] = true;
            }
            sets[at] = set;
            foreach (var next in dependents[at])
            {
                if (--waiting[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }
        return done == _phases.Length ? (index, sets) : null;
    }

    private bool Reaches(Phase from, Phase target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<Phase>([from]);
        while (stack.TryPop(out var at))
        {
            foreach (var next in Prerequisites(at).Where(n => seen.Add(n.Id)))
            {
                if (next.Id == target.Id)
                {
                    return true;
                }
                stack.Push(next);
            }
        }
        return false;
    }
}
