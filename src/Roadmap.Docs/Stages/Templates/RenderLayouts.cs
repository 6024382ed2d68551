using System.Collections.Immutable;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Incremental;
using Roadmap.Docs.Stages.Navigation;
using Scriban.Syntax;
using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Stages.Output;

namespace Roadmap.Docs.Stages.Templates;

/// <summary>One finished page of a layout, kept whole for the link check (the other pages are written and let go).</summary>
public sealed record LayoutSample(string Destination, string Html);

/// <summary>A sample page per kind: the first by URL, so the choice is the same on every build.</summary>
public sealed record LayoutSamples(ImmutableDictionary<string, LayoutSample> ByKind);

/// <summary>Puts every page into its layout (<c>layouts/{kind}.html</c>, else <c>layouts/page.html</c>).</summary>
/// <param name="templates">The theme's parsed layouts and partials (the build parses them while the pages are read and made).</param>
/// <param name="write">
/// Where each page goes as it is rendered, in the same parallel pass: the build renders it straight into its file and lets
/// its panels go (<see cref="WriteFiles.WriteText"/>), so neither the page's text nor memory grows with the size of the
/// site. Without it, each page keeps its finished HTML as its content.
/// </param>
public sealed class RenderLayouts(Task<TemplateSet> templates, Func<Document, Action<TextWriter>, Engine.ExecutionContext, Document>? write = null) : IModule
{
    /// <summary>Layouts already parsed (a one-page refresh reuses the last build's).</summary>
    public RenderLayouts(TemplateSet templates, Func<Document, Action<TextWriter>, Engine.ExecutionContext, Document>? write = null)
        : this(Task.FromResult(templates), write)
    {
    }

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        var set = await templates.ConfigureAwait(false);
        var nav = context.Get<SiteNavigation>();
        var settings = context.Environment.Settings;
        // A template error repeats on every page that uses the template: report it once.
        var reported = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var generatedAt = context.Environment.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sampleOf = inputs.Where(p => p.IsPage)
            .GroupBy(p => p.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Destination).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        // Pages made from an unchanged model are copied from the published site (streaming builds only: they write as they go).
        var cache = write is not null ? context.TryGet<BuildCache>() : null;
        var samples = new System.Collections.Concurrent.ConcurrentDictionary<string, LayoutSample>(StringComparer.Ordinal);
        var rendered = await new ForEachDocument((page, ctx) =>
        {
            if (!page.IsPage)
            {
                return page;
            }
            var layout = LayoutFor(set, page.Kind);
            if (layout is null)
            {
                ctx.Diagnostics.Report(Rules.Template, page.Source, 1, 1, "the theme has no layouts/page.html");
                return null;
            }
            try
            {
                var model = PageModel.For(page, nav, settings, generatedAt);
                var isSample = sampleOf[page.Kind] == page.Destination;
                if (cache is not null)
                {
                    // The layout sees only its model: the same layout and model make the same page as last build.
                    var key = ContentKey.Of(new object[] { layout, model });
                    if (cache.TryReuse(page.Destination, key, ctx.Environment.OutputRoot))
                    {
                        if (isSample)
                        {
                            samples[page.Kind] = new LayoutSample(page.Destination, File.ReadAllText(Path.Combine(ctx.Environment.OutputRoot, page.Destination)));
                        }
                        return page with { Content = "", Panels = [], Written = true };
                    }
                }
                if (isSample || write is null)
                {
                    var finished = page with { Content = set.Render(layout, model) };
                    if (isSample)
                    {
                        samples[page.Kind] = new LayoutSample(page.Destination, finished.Content);
                    }
                    return write is null ? finished : write(finished, output => output.Write(finished.Content), ctx);
                }
                return write(page, output => set.Render(layout, model, output), ctx);
            }
            catch (ScriptRuntimeException ex)
            {
                if (!reported.TryAdd($"{ex.Span.FileName}:{ex.Span.Start.Line}:{ex.OriginalMessage}", true))
                {
                    return null;
                }
                ctx.Diagnostics.Report(
                    Rules.Template, set.DisplayName(ex.Span.FileName ?? layout), ex.Span.Start.Line + 1, ex.Span.Start.Column + 1,
                    $"template error: {ex.OriginalMessage} (first seen rendering {page.Destination})");
                return null;
            }
        }).ExecuteAsync(inputs, context).ConfigureAwait(false);
        context.Publish(new LayoutSamples(samples.ToImmutableDictionary(StringComparer.Ordinal)));
        return rendered;
    }

    private static string? LayoutFor(TemplateSet templates, string kind)
    {
        var specific = $"layouts/{kind}.html";
        return templates.Has(specific) ? specific : templates.Has("layouts/page.html") ? "layouts/page.html" : null;
    }
}
