using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Stages.Templates;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>
/// Everything in a built page that could run script, load a document, submit somewhere or restyle the page beyond what
/// the theme writes: read from the HTML as a browser's parser sees it (AngleSharp), not from the text.
/// </summary>
public static partial class ActiveContent
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "lowsrc", "dynsrc", "cite", "longdesc", "ping", "codebase", "manifest", "icon"];

    private static readonly string[] ForbiddenElements =
        ["iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "textarea", "select", "isindex", "portal", "noscript", "template"];

    private static readonly HashSet<string> WebSchemes = new(StringComparer.Ordinal) { "http", "https", "mailto" };

    /// <summary>What in <paramref name="html"/> could be active, one line each (empty when nothing).</summary>
    public static IReadOnlyList<string> Find(string html)
    {
        var document = Parser.ParseDocument(html);
        var found = new List<string>();
        var policies = document.QuerySelectorAll("meta[http-equiv]").ToList();
        if (policies.Count != 1 || policies[0].GetAttribute("http-equiv") != "Content-Security-Policy" || policies[0].GetAttribute("content") != ContentSecurityPolicy.Value)
        {
            found.Add($"meta http-equiv: expected only the site's Content-Security-Policy, found {policies.Count}: {string.Join(" | ", policies.Select(p => p.OuterHtml))}");
        }
        else if (document.Head?.Children.Take(2).Contains(policies[0]) != true)
        {
            found.Add("the Content-Security-Policy is not at the top of <head>, so what comes before it is not covered");
        }
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (ForbiddenElements.Contains(name))
            {
                found.Add($"<{name}> element: {Short(element.OuterHtml)}");
            }
            if (name == "script" && !ThemeScript().IsMatch(element.GetAttribute("src") ?? ""))
            {
                found.Add($"<script> that is not one of the theme's files: {Short(element.OuterHtml)}");
            }
            if (name == "style" && !ContentSecurityPolicy.InlineStyles.Contains(element.TextContent))
            {
                found.Add($"<style> the policy does not allow: {Short(element.OuterHtml)}");
            }
            if (name == "link" && !ThemeLink().IsMatch(element.GetAttribute("rel") + " " + element.GetAttribute("href")))
            {
                found.Add($"<link> that is not the theme's: {Short(element.OuterHtml)}");
            }
            if (name == "input" && !(element.GetAttribute("type") == "checkbox" && element.HasAttribute("disabled")))
            {
                found.Add($"<input> that is not a task-list checkbox: {Short(element.OuterHtml)}");
            }
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.Name.ToLowerInvariant();
                if (attr.StartsWith("on", StringComparison.Ordinal))
                {
                    found.Add($"event handler {attr} on <{name}>: {Short(element.OuterHtml)}");
                }
                else if (attr is "style" or "srcdoc" or "srcset")
                {
                    found.Add($"{attr} attribute on <{name}>: {Short(element.OuterHtml)}");
                }
                else if (UrlAttributes.Contains(attr) && Scheme(attribute.Value) is { } scheme && !WebSchemes.Contains(scheme))
                {
                    found.Add($"{scheme}: URL in {attr} on <{name}>: {Short(element.OuterHtml)}");
                }
            }
        }
        return found;
    }

    /// <summary>The scheme a browser would see in a URL attribute (it drops leading and embedded tabs and newlines), or null for a relative URL.</summary>
    public static string? Scheme(string url)
    {
        var cleaned = new string([.. url.Trim('\u0000', ' ', '\t', '\n', '\r', '\f', '\u000e').Where(c => c is not ('\t' or '\n' or '\r'))]);
        var match = SchemePattern().Match(cleaned);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static string Short(string html) => html.Length <= 160 ? html : html[..159] + "…";

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^(\.\./)*assets/js/[a-z/-]+\.js$")]
    private static partial Regex ThemeScript();

    [GeneratedRegex(@"^(stylesheet (\.\./)*assets/css/[a-z-]+\.css|icon (\.\./)*assets/favicon\.svg|canonical https://\S+)$")]
    private static partial Regex ThemeLink();
}
