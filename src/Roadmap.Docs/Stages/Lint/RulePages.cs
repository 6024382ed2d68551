using System.Collections.Immutable;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>A page per lint rule (like ESLint's rule pages) under <c>lint-rules/</c>, with the severity this site uses.</summary>
public static class RulePages
{
    public const string Folder = "lint-rules/";

    public static ImmutableArray<Document> Create(IReadOnlyDictionary<string, string> overrides)
    {
        var pages = ImmutableArray.CreateBuilder<Document>();
        var index = new StringBuilder("<p>Every check <code>roadmap-docs build</code> and <code>roadmap-docs lint</code> run, with its id, ")
            .Append("its severity on this site, and what to do about it. Change a severity or turn a rule off in <code>site.yml</code> under <code>lint.rules</code>.</p>\n")
            .Append("<table><thead><tr><th>Rule</th><th>Name</th><th>Severity</th><th>What it finds</th></tr></thead><tbody>\n");
        foreach (var rule in Rules.All)
        {
            var severity = Severity(rule, overrides);
            var slug = rule.Id.ToLowerInvariant();
            index.Append("<tr><td><a href=\"").Append(slug).Append("/index.html\">").Append(rule.Id).Append("</a></td><td>")
                .Append(rule.Name).Append("</td><td>").Append(severity).Append("</td><td>").Append(HtmlText.Escape(rule.Description)).Append("</td></tr>\n");
            var body = new StringBuilder()
                .Append("<p><strong>").Append(HtmlText.Escape(rule.Description)).Append("</strong></p>\n")
                .Append("<p>").Append(Code(HtmlText.Escape(rule.Explanation))).Append("</p>\n")
                .Append("<h2 id=\"configuration\">Configuration</h2>\n<p>Default severity: <code>").Append(rule.DefaultSeverity.ToString().ToLowerInvariant())
                .Append("</code>; on this site: <code>").Append(severity).Append("</code>. In <code>site.yml</code>:</p>\n")
                .Append("<div class=\"code-block\" data-lang=\"yaml\"><pre><code class=\"language-yaml\">lint:\n  rules:\n    ")
                .Append(rule.Name).Append(": warning   # or error, info, off (the id ").Append(rule.Id).Append(" works too)</code></pre></div>\n");
            pages.Add(new Document
            {
                Source = "",
                Destination = $"{Folder}{slug}/index.html",
                Title = $"{rule.Id} {rule.Name}",
                Kind = "lint-rule",
                IsPage = true,
                Order = pages.Count,
                Html = body.ToString(),
                Headings = [new Heading(2, "configuration", "Configuration", 0)],
            });
        }
        index.Append("</tbody></table>\n");
        pages.Add(new Document
        {
            Source = "",
            Destination = Folder + "index.html",
            Title = "Lint rules",
            Kind = "lint-rules",
            IsPage = true,
            Order = 10_000,
            Html = index.ToString(),
        });
        return pages.ToImmutable();
    }

    private static string Severity(Rule rule, IReadOnlyDictionary<string, string> overrides) =>
        overrides.TryGetValue(rule.Id, out var byId) ? byId
        : overrides.TryGetValue(rule.Name, out var byName) ? byName
        : rule.DefaultSeverity.ToString().ToLowerInvariant();

    /// <summary>Backticks in the explanation become inline code.</summary>
    private static string Code(string text)
    {
        var parts = text.Split('`');
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            sb.Append(i % 2 == 1 ? "<code>" + parts[i] + "</code>" : parts[i]);
        }
        return sb.ToString();
    }
}
