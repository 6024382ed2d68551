using Roadmap.Docs.Stages.Diff;

namespace Roadmap.Docs.Tests.Diff;

/// <summary>What counts as a page's content for the diff: the article's text and ticks, not the build date, "last updated" or spacing.</summary>
public class PageContentTests
{
    private const string Page = """
        <!doctype html><html><head><title>Phase 2 · Site</title></head>
        <body class="kind-phase"><nav>Home</nav>
        <main><nav class="breadcrumbs">Roadmap</nav><article class="page">
          <header><h1>Phase 2: Code quality</h1><dl class="page-meta"><div class="meta-phase"><dt>Phase</dt><dd>2</dd></div></dl></header>
          <figure><svg><desc>Today (2026-11-25) is in week 12.</desc></svg></figure>
          <ul><li class="task-list-item"><input type="checkbox" disabled checked> Linting</li>
              <li class="task-list-item"><input type="checkbox" disabled> Coverage</li></ul>
          <footer class="page-footer"><span class="last-updated">Last updated <time>25 Nov 2026</time></span></footer>
        </article></main>
        <footer class="site-footer"><p>built with Roadmap.Docs on 2026-11-25</p></footer></body></html>
        """;

    [Fact]
    public void Build_dates_last_updated_today_and_whitespace_are_not_content()
    {
        var noisy = Page.Replace("2026-11-25", "2026-12-01", StringComparison.Ordinal).Replace("25 Nov 2026", "1 Dec 2026", StringComparison.Ordinal)
            .Replace("<li class", "\n\n   <li class", StringComparison.Ordinal);

        Assert.Equal(PageContent.Read("p.html", Page).Text, PageContent.Read("p.html", noisy).Text);
    }

    [Fact]
    public void A_ticked_box_is_a_change_and_the_phase_counts_are_read()
    {
        var page = PageContent.Read("roadmap/phase-2/index.html", Page);
        var ticked = PageContent.Read("roadmap/phase-2/index.html", Page.Replace("disabled>", "disabled checked>", StringComparison.Ordinal));

        Assert.Equal("Phase 2: Code quality Phase 2 [x] Linting [ ] Coverage", page.Text);
        Assert.NotEqual(page.Text, ticked.Text);
        Assert.Equal((new PhaseProgress(2, 1, 2), new PhaseProgress(2, 2, 2)), (page.Phase, ticked.Phase));
        Assert.Equal(("Phase 2: Code quality", "roadmap/phase-2/"), (page.Title, page.Link));
    }
}
