using System.Globalization;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Navigation;

namespace Roadmap.Docs.Tests.Navigation;

/// <summary>Which items a folder's level of the sidebar lists, and the sidebar HTML for folders of 5, 40 and 200 pages.</summary>
public class NavWindowTests
{
    [Theory]
    [InlineData(5, 2, "0-4")]
    [InlineData(40, 39, "0-39")]
    [InlineData(41, -1, "0-24")]
    [InlineData(41, 14, "0-26")]
    [InlineData(41, 20, "0-2 gap 8-32")]
    [InlineData(41, 40, "0-2 gap 16-40")]
    [InlineData(200, 0, "0-24")]
    [InlineData(200, 15, "0-27")]
    [InlineData(200, 16, "0-28")]
    [InlineData(200, 17, "0-2 gap 5-29")]
    [InlineData(200, 100, "0-2 gap 88-112")]
    [InlineData(200, 199, "0-2 gap 175-199")]
    public void A_folder_is_listed_whole_up_to_40_items_else_its_first_items_and_a_window_around_the_open_one(int count, int open, string expected)
    {
        Assert.Equal(expected, Ranges(NavWindow.Select(count, open)));
    }

    [Fact]
    public void No_level_lists_more_than_29_items_however_big_the_folder_and_the_open_item_is_always_listed()
    {
        foreach (var count in new[] { 41, 200, 10_000 })
        {
            for (var open = -1; open < count; open++)
            {
                var listed = NavWindow.Select(count, open).Where(i => i != NavWindow.Gap).ToList();
                Assert.InRange(listed.Count, 25, 29);
                Assert.Equal(listed.Order(), listed);
                Assert.True(open < 0 || listed.Contains(open), $"item {open} of {count} is open but not listed");
            }
        }
    }

    [Fact]
    public void Sidebars_for_the_first_middle_and_last_page_of_folders_of_5_40_and_200_match_the_golden_file()
    {
        var nav = SiteNavigation.Build(
        [
            Page("index.html", "Home"),
            .. Folder("five", 5),
            .. Folder("forty", 40),
            .. Folder("two-hundred", 200),
        ]).Navigation;
        var actual = new StringBuilder();
        foreach (var (folder, count) in new[] { ("five", 5), ("forty", 40), ("two-hundred", 200) })
        {
            foreach (var (position, n) in new[] { ("first", 1), ("middle", (count / 2) + 1), ("last", count) })
            {
                var page = ItemUrl(folder, n);
                actual.Append(CultureInfo.InvariantCulture, $"<!-- folder of {count}, {position} page: {page} -->\n");
                actual.Append(NavHtml.Render(nav, page)).Append('\n');
            }
        }
        actual.Append("<!-- the folder's own page: two-hundred/index.html -->\n").Append(NavHtml.Render(nav, "two-hundred/index.html"));

        var goldenPath = Path.Combine(TestPaths.SourceTestData, "Golden", "nav-window.html");
        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : null;
        if (actual.ToString() != expected && !TestPaths.OnCi)
        {
            File.WriteAllText(Path.ChangeExtension(goldenPath, ".actual.html"), actual.ToString());
        }
        Assert.True(actual.ToString() == expected, $"the sidebars differ from {goldenPath} (see nav-window.actual.html beside it)");
    }

    [Fact]
    public void The_tree_script_names_every_node_by_its_folder_under_its_parent_with_badges_on_the_nodes_that_have_checklists()
    {
        var nav = SiteNavigation.Build(
        [
            Page("index.html", "Home"),
            Page("guides/index.html", "Guides") with { Order = 1 },
            Page("guides/setup/index.html", "Set \"up\" <now>") with { Tasks = [new TaskItem("a", true, 1, ""), new TaskItem("b", false, 2, "")] },
            Page("guides/setup/linux/index.html", "Linux"),
            Page("faq/index.html", "FAQ") with { Order = 2 },
        ]).Navigation;

        var script = NavTree.Script(nav);

        Assert.Equal("assets/js/nav-tree.js", script.Destination);
        Assert.False(script.IsPage);
        Assert.Equal(
            """roadmapDocsNav({"v":1,"r":{"t":"Home","c":[{"s":"guides","t":"Guides","c":[{"s":"setup","t":"Set \"up\" <now>","b":[1,2],"c":[{"s":"linux","t":"Linux"}]}]},{"s":"faq","t":"FAQ"}]}});""" + "\n",
            script.Content);
    }

    internal static Document Page(string url, string title) => new() { Source = url, Destination = url, Title = title, IsPage = true };

    private static IEnumerable<Document> Folder(string folder, int count)
    {
        yield return Page(folder + "/index.html", string.Create(CultureInfo.InvariantCulture, $"Folder of {count}"));
        for (var n = 1; n <= count; n++)
        {
            var page = Page(ItemUrl(folder, n), string.Create(CultureInfo.InvariantCulture, $"Item {n:D3}"));
            // Badges: one done, one under way.
            yield return n switch
            {
                1 => page with { Tasks = [new TaskItem("a", true, 1, "")] },
                3 => page with { Tasks = [new TaskItem("a", true, 1, ""), new TaskItem("b", false, 2, "")] },
                _ => page,
            };
        }
    }

    private static string ItemUrl(string folder, int n) => string.Create(CultureInfo.InvariantCulture, $"{folder}/item-{n:D3}/index.html");

    /// <summary>"0-2 gap 8-32" for 0, 1, 2, gap, 8, …, 32.</summary>
    private static string Ranges(IEnumerable<int> indexes)
    {
        var parts = new List<string>();
        int? from = null, to = null;
        void Flush()
        {
            if (from is not null)
            {
                parts.Add(from == to ? $"{from}" : $"{from}-{to}");
            }
            from = to = null;
        }
        foreach (var i in indexes)
        {
            if (i == NavWindow.Gap)
            {
                Flush();
                parts.Add("gap");
            }
            else if (to is not null && i == to + 1)
            {
                to = i;
            }
            else
            {
                Flush();
                from = to = i;
            }
        }
        Flush();
        return string.Join(' ', parts);
    }
}
