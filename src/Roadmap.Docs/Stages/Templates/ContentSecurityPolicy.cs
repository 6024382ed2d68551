using System.Security.Cryptography;
using System.Text;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Stages.Templates;

/// <summary>
/// The Content-Security-Policy every page carries in a <c>&lt;meta http-equiv&gt;</c> (theme/partials/head.html).
/// Scripts only from the site's own files, so no inline script or event handler runs whatever a page contains; styles
/// from the site's own files plus, by hash, the one inline stylesheet the build itself writes (the roadmap timeline's);
/// images also from https and data URLs (docs link pictures and badges hosted elsewhere); no plugins, no base, no forms.
/// </summary>
/// <remarks>
/// 'self' also covers file:// (Chromium and Firefox treat the file scheme as the page's own), so the site still works
/// opened from disk, and relative URLs keep it working under any path prefix. frame-ancestors and report-uri cannot be
/// set from a meta element; a host that serves headers can add them.
/// </remarks>
public static class ContentSecurityPolicy
{
    /// <summary>Inline stylesheets the build writes into pages, allowed by hash and nothing else.</summary>
    public static IReadOnlyList<string> InlineStyles { get; } = [TimelineSvg.StyleSheet];

    public static string Value { get; } = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' " + string.Join(' ', InlineStyles.Select(Hash)),
        "img-src 'self' https: data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'");

    /// <summary>The CSP source expression for a piece of inline text: <c>'sha256-…'</c> of its UTF-8 bytes.</summary>
    public static string Hash(string text) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "'";
}
