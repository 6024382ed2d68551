namespace Roadmap.Docs.Configuration;

/// <summary>What happens to HTML written inside markdown (site.yml <c>raw_html</c>, or <c>--raw-html</c>).</summary>
public enum RawHtmlMode
{
    /// <summary>Raw HTML goes into the page as written: for a team's own, trusted docs (the default).</summary>
    Allow,

    /// <summary>Raw HTML is cleaned to ordinary docs markup: no scripts, event handlers, dangerous URLs, frames, forms or styles.</summary>
    Sanitize,

    /// <summary>Raw HTML is shown as visible text; only markdown makes markup.</summary>
    Escape,
}

/// <summary>The names <see cref="RawHtmlMode"/> is written with in site.yml and on the command line.</summary>
public static class RawHtmlModes
{
    public static IReadOnlyList<string> Names { get; } = ["allow", "sanitize", "escape"];

    public static RawHtmlMode? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "allow" => RawHtmlMode.Allow,
        "sanitize" => RawHtmlMode.Sanitize,
        "escape" => RawHtmlMode.Escape,
        _ => null,
    };

    public static string Name(RawHtmlMode mode) => Names[(int)mode];
}
