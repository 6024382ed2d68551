using CsCheck;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Markdown;

/// <summary>Relative URLs between pages, which every link, asset and navigation entry goes through.</summary>
public class SitePathsTests
{
    [Theory]
    [InlineData("index.html", "runbooks/redis/index.html", "runbooks/redis/index.html")]
    [InlineData("runbooks/redis/index.html", "index.html", "../../index.html")]
    [InlineData("runbooks/redis/index.html", "runbooks/index.html", "../index.html")]
    [InlineData("runbooks/redis/index.html", "runbooks/redis/index.html", "index.html")]
    [InlineData("runbooks/redis/index.html", "runbooks/redis-cache/index.html", "../redis-cache/index.html")]
    [InlineData("a/b/c/index.html", "a/x/c/index.html", "../../x/c/index.html")]
    [InlineData("a/index.html", "assets/css/site.css", "../assets/css/site.css")]
    [InlineData("404.html", "assets/js/site.js", "assets/js/site.js")]
    public void Relative_url_between_two_site_paths(string from, string to, string expected) => Assert.Equal(expected, SitePaths.Relative(from, to));

    [Theory]
    [InlineData("index.html", "")]
    [InlineData("runbooks/index.html", "../")]
    [InlineData("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/index.html", "../../../../../../../../../../../../../../../../../")]
    public void Root_of_a_page(string destination, string expected) => Assert.Equal(expected, SitePaths.RootOf(destination));

    /// <summary>Agrees with the plain definition (split into folders, drop the common ones, climb out of the rest) on generated paths.</summary>
    [Fact]
    public void Agrees_with_the_definition()
    {
        var path = Gen.OneOf<string>("a", "b", "ab", "", "index.html").Array[1, 5].Select(parts => string.Join('/', parts));
        Gen.Select(path, path).Sample((from, to) => Assert.Equal(Definition(from, to), SitePaths.Relative(from, to)), iter: 20_000);
    }

    [Theory]
    [InlineData("runbooks/redis.md", "postgres.md", "runbooks/postgres.md")]
    [InlineData("runbooks/redis.md", "../roadmap/./phase-1.md", "roadmap/phase-1.md")]
    [InlineData("runbooks/redis/index.html", "../../index.html", "index.html")]
    [InlineData("index.md", "../secrets", null)]
    [InlineData("", "a//b/", "a/b")]
    public void Resolves_a_relative_path_against_a_folder(string from, string relative, string? expected) => Assert.Equal(expected, SitePaths.Combine(from, relative));

    /// <summary>Agrees with the plain definition (the folders of the page, then each part: skip "" and ".", ".." drops one, join) on generated paths, long ones too.</summary>
    [Fact]
    public void Combine_agrees_with_the_definition()
    {
        var path = Gen.OneOf<string>("a", "bc", "", ".", "..", "index.html", new string('x', 200)).Array[0, 6].Select(parts => string.Join('/', parts));
        Gen.Select(path, path).Sample((from, relative) => Assert.Equal(CombineDefinition(from, relative), SitePaths.Combine(from, relative)), iter: 20_000);
    }

    private static string? CombineDefinition(string from, string relative)
    {
        var parts = new List<string>(from.Split('/')[..^1]);
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static string Definition(string from, string to)
    {
        var fromParts = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromParts.Length && common < toParts.Length - 1 && fromParts[common] == toParts[common])
        {
            common++;
        }
        return string.Concat(Enumerable.Repeat("../", fromParts.Length - common)) + string.Join('/', toParts[common..]);
    }
}
