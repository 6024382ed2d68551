using CsCheck;
using Roadmap.Docs.Benchmarks.Fuzz;

namespace Roadmap.Docs.Tests.Fuzz;

/// <summary>A real page with damage done to it, as CsCheck generates and shrinks it.</summary>
public sealed record FuzzCase(SeedPage Seed, Mutation[] Mutations)
{
    public string Page => PageMutator.Apply(Seed.Text, Mutations);

    public override string ToString() => $"{Seed.RelativePath} with {string.Join(", ", Mutations.Select(m => m.ToString()))}";
}

/// <summary>
/// Property tests: real pages from input/ and the test fixtures, damaged (bytes flipped, lines deleted or repeated,
/// YAML and markdown metacharacters inserted, cut short, front matter with wrong types, unclosed quotes and brackets,
/// tabs, anchors, huge numbers, duplicate keys), each built in full in memory twice. The build must not fail inside
/// (no RD0000), every diagnostic must point inside its file, every page must parse with its layout whole, and the two
/// builds must be identical. A failure prints CsCheck's seed: pass it as <c>seed:</c> to replay that case.
/// </summary>
public sealed class PageFuzzTests
{
    private static readonly FuzzSite Site = new(TestPaths.RepoRoot);

    private static readonly Gen<Mutation> AnyMutation =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Int[0, 1 << 20], (kind, position, choice) => new Mutation(kind, position, choice));

    private static readonly Gen<Mutation> FrontMatterMutation =
        Gen.Select(
            Gen.OneOf(MutationKind.ReplaceFrontMatterValue, MutationKind.InsertFrontMatterLine, MutationKind.DuplicateLine),
            Gen.Double[0, 0.3],
            Gen.Int[0, 1 << 20],
            (kind, position, choice) => new Mutation(kind, position, choice));

    private static Gen<FuzzCase> Cases(Gen<Mutation> mutation) =>
        Gen.Select(Gen.Int[0, Site.Seeds.Count - 1], mutation.Array[1, 4], (seed, mutations) => new FuzzCase(Site.Seeds[seed], mutations));

    [Fact]
    public Task Any_damage_to_any_page_builds_cleanly_points_inside_the_file_and_builds_the_same_twice() =>
        Cases(AnyMutation).SampleAsync(AssertSurvivesAsync, iter: 60, threads: 1, print: c => c.ToString());

    [Fact]
    public Task Front_matter_with_wrong_types_unclosed_brackets_anchors_and_duplicate_keys_builds_cleanly() =>
        Cases(FrontMatterMutation).SampleAsync(AssertSurvivesAsync, iter: 40, threads: 1, print: c => c.ToString());

    [Fact]
    public void The_mutators_damage_a_page_as_asked_and_replay_exactly()
    {
        const string page = "---\ntitle: Home\nkind: page\n---\nBody.\n";
        Mutation[] mutations = [new(MutationKind.ReplaceFrontMatterValue, 0, 10), new(MutationKind.InsertFrontMatterLine, 0.99, 0), new(MutationKind.InsertToken, 1, 0)];

        var damaged = PageMutator.Apply(page, mutations);

        Assert.Equal("---\ntitle: \"unclosed\nkind: page\ntitle: \"unclosed\n---\nBody.\n: ", damaged);
        Assert.Equal(damaged, PageMutator.Apply(page, mutations));
        Assert.True(Site.Seeds.Count >= 60, $"expected the pages of input/ and the fixtures, found {Site.Seeds.Count}");
    }

    internal static async Task AssertSurvivesAsync(FuzzCase fuzzCase)
    {
        using var temp = TestPaths.NewTempFolder();
        var input = temp.Combine("input");
        Site.WriteSite(input, fuzzCase.Seed.RelativePath, fuzzCase.Page);

        var first = await Site.BuildAsync(input, Environment.ProcessorCount, TestContext.Current.CancellationToken);
        var second = await Site.BuildAsync(input, Environment.ProcessorCount, TestContext.Current.CancellationToken);

        var problems = FuzzSite.Violations(first, input);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(first.Fingerprint() == second.Fingerprint(), "two builds of the same input differ");
    }
}
