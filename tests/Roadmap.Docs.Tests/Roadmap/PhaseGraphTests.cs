using CsCheck;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

/// <summary>The timeline draws only direct dependencies: an arrow that another path already implies is left out.</summary>
public class PhaseGraphTests
{
    [Fact]
    public void Direct_edges_are_the_dependencies_no_other_prerequisite_already_reaches()
    {
        // Phase n depends on a few earlier phases (a DAG, as a valid roadmap is).
        var graphs = Gen.Int[1, 3].Array[2, 30].Select(picks => picks.Select((pick, i) => Enumerable.Range(1, i).Where(d => (d * 7 + i * pick) % (pick + 2) == 0).ToArray()).ToArray());
        graphs.Sample(deps =>
        {
            var phases = deps.Select((d, i) => Phase(i + 1, d)).ToList();
            var expected = phases.SelectMany(p => deps[p.Number - 1]
                .Where(b => !deps[p.Number - 1].Any(o => o != b && Reaches(deps, o, b)))
                .Select(b => $"{b}->{p.Number}"));

            var actual = new PhaseGraph(phases).DirectEdges().Select(e => $"{e.From.Number}->{e.To.Number}");

            Assert.Equal(expected, actual);
        }, iter: 2_000);
    }

    private static bool Reaches(int[][] deps, int from, int target) =>
        deps[from - 1].Any(d => d == target || Reaches(deps, d, target));

    private static Phase Phase(int number, int[] dependsOn) => new()
    {
        Number = number,
        Title = $"Phase {number}",
        Weeks = new WeekRange(number, number),
        Status = PhaseStatus.Planned,
        Dependencies = [.. dependsOn.Select(d => new Dependency($"phase-{d}", "plan.md", number, 1, new PhaseTarget(Docs.Roadmap.Phase.IdFor(d))))],
        SourceFile = "plan.md",
        Line = number,
        Url = "plan/index.html",
    };
}
