using System.Collections.Immutable;
using Ganss.Xss;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Stages.Sanitize;

/// <summary>
/// Makes untrusted markdown inert (raw_html: sanitize or escape): each page's rendered body goes through
/// <see cref="HtmlPolicy"/>, and whatever it removes is reported (RD0140) at the line and column it was written, so an
/// author learns why it vanished. With escape, Markdig already wrote raw HTML as text; this still strips the link and
/// image URLs with dangerous schemes that markdown itself makes (<c>[x](javascript:…)</c>). Allow changes nothing.
/// </summary>
public sealed class SanitizeHtml : IModule
{
    public static SanitizeHtml Module { get; } = new();

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        var mode = context.Environment.Settings.RawHtml;
        if (mode == RawHtmlMode.Allow)
        {
            return Task.FromResult(inputs);
        }
        return new ForEachDocument((doc, ctx) => doc.IsPage && doc.Source.Length > 0 ? Sanitize(doc, mode, ctx.Diagnostics) : doc)
            .ExecuteAsync(inputs, context);
    }

    public static Document Sanitize(Document doc, RawHtmlMode mode, DiagnosticBag diagnostics)
    {
        var removed = new List<Removal>();
        var sanitizer = HtmlPolicy.NewSanitizer();
        sanitizer.RemovingTag += (_, e) =>
        {
            if (!e.Cancel)
            {
                removed.Add(new Removal("<" + e.Tag.LocalName, $"<{e.Tag.LocalName}> element"));
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (!e.Cancel && e.Reason is not (RemoveReason.ClassAttributeEmpty or RemoveReason.StyleAttributeEmpty))
            {
                removed.Add(e.Reason == RemoveReason.NotAllowedUrlValue
                    ? new Removal(e.Attribute.Value, $"{e.Attribute.Name}=\"{Shorten(e.Attribute.Value)}\" on <{e.Tag.LocalName}> (only relative, http, https and mailto URLs are kept)", e.Attribute.Name)
                    : new Removal(e.Attribute.Name, $"{e.Attribute.Name} attribute on <{e.Tag.LocalName}>"));
            }
        };
        sanitizer.RemovingCssClass += (_, e) => removed.Add(new Removal(e.CssClass, $"class {e.CssClass} on <{e.Tag.LocalName}>"));
        var html = sanitizer.Sanitize(doc.Html);
        if (removed.Count == 0)
        {
            return doc with { Html = html };
        }
        var sources = new RawHtmlSources(doc, RenderMarkdown.PipelineFor(mode));
        var hint = mode == RawHtmlMode.Escape
            ? "raw_html is escape for this build: links and images keep only relative, http, https and mailto URLs"
            : "raw_html is sanitize for this build: scripts, event handlers, frames, forms, styles and non-web URLs are removed";
        foreach (var removal in removed)
        {
            var (line, column) = sources.Find(removal.SourceText, removal.Attribute);
            diagnostics.Report(Rules.RawHtmlRemoved, doc.Source, line, column, "removed " + removal.What, hint);
        }
        return doc with { Html = html };
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";

    /// <summary>What was removed, and the text that finds it in the source (for a URL, its value and attribute).</summary>
    private sealed record Removal(string SourceText, string What, string? Attribute = null);
}
