namespace Roadmap.Docs.Tests.Safety;

public class UnsafeFileNameTests
{
    [Fact]
    public async Task A_name_that_would_break_out_of_a_link_or_become_a_script_URL_is_skipped_with_a_warning()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "# Home\n");
        temp.Write("input/ok name.md", "# Fine\n");
        temp.Write("input/javascript:alert(1).md", "# Colon\n");
        temp.Write("input/a\" onmouseover=\"alert(1).md", "# Quote\n");
        temp.Write("input/x<svg onload=alert(1)>/page.md", "# Folder\n");
        temp.Write("input/100%.md", "# Percent\n");

        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "100%.md: the name has '%', which cannot be part of a page's URL as written; skipped",
            "a\" onmouseover=\"alert(1).md: the name has '\"', which cannot be part of a page's URL as written; skipped",
            "javascript:alert(1).md: the name has ':', which cannot be part of a page's URL as written; skipped",
            "x<svg onload=alert(1)>: the name has '<', which cannot be part of a page's URL as written; skipped",
        ], result.Diagnostics.Where(d => d.RuleId == "RD0141").Select(d => $"{d.File}: {d.Message}").Order(StringComparer.Ordinal));
        Assert.True(result.Published);
        var home = File.ReadAllText(temp.Combine("site", "index.html"));
        Assert.Contains("href=\"ok name/index.html\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", home, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover", home, StringComparison.Ordinal);
    }
}
