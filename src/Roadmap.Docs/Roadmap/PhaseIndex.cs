using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Lookups over a roadmap's phases, made once per phase list: by id, by the file that defines them, and who depends on whom.
/// A roadmap of thousands of phases is looked up from every page and every phase, so none of these may be a scan.
/// </summary>
public sealed class PhaseIndex
{
    private readonly FrozenDictionary<string, int> _position;
    private readonly ImmutableArray<Phase> _phases;
    private readonly FrozenDictionary<string, ImmutableArray<Phase>> _bySource;
    private readonly FrozenDictionary<string, ImmutableArray<Phase>> _dependents;

    internal PhaseIndex(ImmutableArray<Phase> phases)
    {
        _phases = phases;
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < phases.Length; i++)
        {
            // The first of two phases with one id is the one FindPhase has always meant.
            position.TryAdd(phases[i].Id, i);
        }
        _position = position.ToFrozenDictionary(StringComparer.Ordinal);
        _bySource = phases.GroupBy(p => p.SourceFile, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _dependents = phases
            .SelectMany(p => p.Dependencies.Select(d => (Target: TargetPhaseId(d), Dependent: p)).Where(t => t.Target is not null).DistinctBy(t => t.Target))
            .GroupBy(t => t.Target!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(t => t.Dependent).ToImmutableArray(), StringComparer.Ordinal);
    }

    public Phase? Find(string id) => _position.TryGetValue(id, out var at) ? _phases[at] : null;

    /// <summary>Where <paramref name="id"/> stands in the phase list (number order), or -1.</summary>
    public int PositionOf(string id) => _position.GetValueOrDefault(id, -1);

    /// <summary>The phases defined in one input file, in number order.</summary>
    public ImmutableArray<Phase> DefinedIn(string sourceFile) => _bySource.GetValueOrDefault(sourceFile, []);

    /// <summary>The phases with a dependency on <paramref name="id"/> or on one of its deliverables, in number order.</summary>
    public ImmutableArray<Phase> DependentsOf(string id) => _dependents.GetValueOrDefault(id, []);

    /// <summary>The phase a dependency names (directly or through a deliverable), else null.</summary>
    public static string? TargetPhaseId(Dependency dependency) => dependency.Resolved switch
    {
        PhaseTarget t => t.PhaseId,
        DeliverableTarget t => t.PhaseId,
        _ => null,
    };
}
