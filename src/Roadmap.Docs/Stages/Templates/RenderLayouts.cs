using System.Collections.Immutable;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Navigation;
using Scriban.Syntax;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.Templates;

/// <summary>Puts every page into its layout (<c>layouts/{kind}.html</c>, else <c>layouts/page.html</c>).</summary>
public sealed class RenderLayouts(TemplateSet templates) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        var nav = context.Get<SiteNavigation>();
        var settings = context.Environment.Settings;
        // A template error repeats on every page that uses the template: report it once.
        var reported = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var generatedAt = context.Environment.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ForEachDocument((page, ctx) =>
        {
            if (!page.IsPage)
            {
                return page;
            }
            var layout = LayoutFor(page.Kind);
            if (layout is null)
            {
                ctx.Diagnostics.Report(Rules.Template, page.Source, 1, 1, "the theme has no layouts/page.html");
                return null;
            }
            try
            {
                return page with { Content = templates.Render(layout, PageModel.For(page, nav, settings, generatedAt)) };
            }
            catch (ScriptRuntimeException ex)
            {
                if (!reported.TryAdd($"{ex.Span.FileName}:{ex.Span.Start.Line}:{ex.OriginalMessage}", true))
                {
                    return null;
                }
                ctx.Diagnostics.Report(
                    Rules.Template, templates.DisplayName(ex.Span.FileName ?? layout), ex.Span.Start.Line + 1, ex.Span.Start.Column + 1,
                    $"template error: {ex.OriginalMessage} (first seen rendering {page.Destination})");
                return null;
            }
        }).ExecuteAsync(inputs, context);
    }

    private string? LayoutFor(string kind)
    {
        var specific = $"layouts/{kind}.html";
        return templates.Has(specific) ? specific : templates.Has("layouts/page.html") ? "layouts/page.html" : null;
    }
}
