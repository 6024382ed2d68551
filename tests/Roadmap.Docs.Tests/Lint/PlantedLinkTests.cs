using Roadmap.Docs.Benchmarks;

namespace Roadmap.Docs.Tests.Lint;

/// <summary>On a generated corpus with links broken on purpose, lint finds every planted one, at its line and column, and no other.</summary>
public class PlantedLinkTests
{
    [Fact]
    public async Task Every_planted_broken_link_and_anchor_is_found_and_nothing_else()
    {
        using var temp = TestPaths.NewTempFolder();
        var corpus = CorpusGenerator.Generate(temp.Combine("corpus"), 400, seed: 7, new CorpusOptions { BrokenLinks = 12, BrokenAnchors = 12 });
        Assert.Equal(24, corpus.Planted.Length);

        var result = await LintFixtureTests.LintAsync(corpus.Root);

        var found = result.Diagnostics
            .Where(d => d.RuleId is "RD0110" or "RD0111")
            .Select(d => $"{d.RuleId} {d.File}:{d.Line}:{d.Column}")
            .Order(StringComparer.Ordinal);
        var planted = corpus.Planted
            .Select(p => $"{(p.Kind == PlantedKind.MissingPage ? "RD0110" : "RD0111")} {p.Source}:{p.Line}:{p.Column}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(planted, found);
    }
}
