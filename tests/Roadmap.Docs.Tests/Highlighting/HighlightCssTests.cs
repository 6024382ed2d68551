using System.Globalization;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Tests.Highlighting;

/// <summary>
/// theme/assets/css/highlight.css: a colour for every tok-* class, a light, a dark and a print palette, and
/// WCAG AA contrast (4.5:1) for every colour against the background of its palette.
/// </summary>
public sealed partial class HighlightCssTests
{
    private const double MinimumContrast = 4.5;

    private static readonly string[] TokenVariables =
    [
        "--hl-keyword", "--hl-string", "--hl-comment", "--hl-number", "--hl-function", "--hl-variable",
        "--hl-operator", "--hl-punctuation", "--hl-type", "--hl-attribute", "--hl-builtin",
    ];

    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(() => Parse(File.ReadAllText(StylesheetPath())));

    private sealed record Rule(string Media, string Selector, IReadOnlyDictionary<string, string> Declarations);

    [Fact]
    public void Every_token_class_has_a_colour_from_a_variable()
    {
        foreach (string kind in new[] { "k", "s", "c", "n", "f", "v", "o", "p", "t", "a", "b" })
        {
            var rule = Rules.Value.Single(r => r.Media == "" && r.Selector == $".tok-{kind}");
            Assert.Matches(@"^var\(--hl-[a-z]+\)$", rule.Declarations["color"]);
        }
    }

    [Fact]
    public void The_light_palette_is_readable_and_the_default()
    {
        AssertReadable(Palette("", ":root"));
    }

    [Fact]
    public void The_dark_palette_is_readable_and_the_same_whether_the_page_or_the_system_chooses_it()
    {
        var byPage = Palette("screen", ":root[data-theme=\"dark\"]");
        var bySystem = Palette("screen and (prefers-color-scheme: dark)", ":root:not([data-theme=\"light\"])");

        Assert.Equal(byPage, bySystem);
        AssertReadable(byPage);
    }

    [Fact]
    public void Print_is_the_light_palette_on_white()
    {
        var print = Rules.Value.Single(r => r.Media == "print" && r.Selector == ":root").Declarations;
        var palette = new Dictionary<string, string>(Palette("", ":root")) { ["--hl-bg"] = print["--hl-bg"], ["--hl-fg"] = print["--hl-fg"] };

        Assert.Equal("#ffffff", print["--hl-bg"]);
        AssertReadable(palette);
        // The dark palettes must not reach paper: they are for screens only.
        Assert.All(Rules.Value.Where(r => r.Selector.Contains("data-theme", StringComparison.Ordinal)),
            r => Assert.StartsWith("screen", r.Media, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    public void Contrast_is_computed_as_WCAG_defines_it(string foreground, string background, double expected)
    {
        Assert.Equal(expected, Contrast(foreground, background), 2);
    }

    private static IReadOnlyDictionary<string, string> Palette(string media, string selector)
    {
        var rule = Rules.Value.Single(r => r.Media == media && r.Selector == selector);
        Assert.All(TokenVariables.Append("--hl-bg").Append("--hl-fg"), name => Assert.True(rule.Declarations.ContainsKey(name), $"{selector} lacks {name}"));
        return rule.Declarations;
    }

    private static void AssertReadable(IReadOnlyDictionary<string, string> palette)
    {
        string background = palette["--hl-bg"];
        foreach (string name in TokenVariables.Append("--hl-fg"))
        {
            double contrast = Contrast(palette[name], background);
            Assert.True(contrast >= MinimumContrast, $"{name} {palette[name]} on {background}: {contrast:0.00}:1");
        }
    }

    // WCAG 2 contrast ratio of two #rrggbb colours.
    private static double Contrast(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        Assert.Matches("^#[0-9a-f]{6}$", hex);
        double Channel(int offset)
        {
            double c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // Rules as (enclosing @media condition, selector, declarations); enough CSS for this one stylesheet.
    private static List<Rule> Parse(string css)
    {
        css = Comment().Replace(css, "");
        var rules = new List<Rule>();
        var preludes = new Stack<string>();
        int start = 0;
        for (int i = 0; i < css.Length; i++)
        {
            if (css[i] == '{')
            {
                preludes.Push(css[start..i].Trim());
                start = i + 1;
            }
            else if (css[i] == '}' && preludes.Count > 0)
            {
                string selector = preludes.Pop();
                if (!selector.StartsWith('@'))
                {
                    string media = preludes.Count > 0 ? preludes.Peek().Replace("@media", "", StringComparison.Ordinal).Trim() : "";
                    var declarations = css[start..i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries))
                        .ToDictionary(d => d[0], d => d[1], StringComparer.Ordinal);
                    rules.Add(new Rule(media, selector, declarations));
                }
                start = i + 1;
            }
        }
        return rules;
    }

    // The repository's copy, found by walking up from the test assembly (bin/Debug/net10.0/…).
    private static string StylesheetPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, "theme", "assets", "css", "highlight.css");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("theme/assets/css/highlight.css not found above " + AppContext.BaseDirectory);
    }
}
