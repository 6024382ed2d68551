using Roadmap.Docs.Stages.Diff;

namespace Roadmap.Docs.Tests.Diff;

/// <summary>How the PR comment handles long lists and titles that look like markdown.</summary>
public class DiffMarkdownTests
{
    [Fact]
    public void A_list_longer_than_ten_is_collapsed_and_a_short_one_is_not()
    {
        var many = Enumerable.Range(1, 11).Select(i => new PageChange($"p{i:00}/index.html", $"p{i:00}/", $"Page {i}")).ToList();
        var diff = new SiteDiffResult([many[0]], [], many, [], [], []);

        var markdown = DiffMarkdown.Write(diff);

        Assert.Contains("**Added (1)**\n\n- Page 1 `/p01/`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Changed (11)</summary>\n\n- Page 1 `/p01/`\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("- Page 11 `/p11/`\n\n</details>\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_and_messages_cannot_inject_markdown_or_html()
    {
        var page = new PageChange("a/index.html", "a/", "Use <script> | [links](x) *here*");
        var diff = new SiteDiffResult([page], [], [], [], [], []);

        var markdown = DiffMarkdown.Write(diff, "https://preview.example/pr-1");

        Assert.Contains(@"- [Use \<script\> \| \[links\](x) \*here\*](https://preview.example/pr-1/a/) `/a/`", markdown, StringComparison.Ordinal);
    }
}
