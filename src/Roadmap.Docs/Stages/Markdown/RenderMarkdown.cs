using System.Collections.Immutable;
using Roadmap.Docs.Stages.Html;
using System.Text;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Markdown;

/// <summary>Renders each page's markdown body with the one shared Markdig pipeline and extracts headings, tasks, links and an excerpt.</summary>
public sealed class RenderMarkdown : IModule
{
    /// <summary>Built once: a MarkdownPipeline is immutable and thread-safe, so every page shares it.</summary>
    public static MarkdownPipeline Pipeline { get; } = Create(html: true);

    /// <summary>The same pipeline with HTML parsing off, so raw HTML becomes visible text (raw_html: escape).</summary>
    public static MarkdownPipeline EscapedHtmlPipeline { get; } = Create(html: false);

    private static MarkdownPipeline Create(bool html)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseTaskLists()
            .UseAlertBlocks()
            .UseFootnotes()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseDefinitionLists()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            // Generic attributes last: it also parses the {#id} written after a heading.
            .UseGenericAttributes();
        return (html ? builder : builder.DisableHtml()).Build();
    }

    private readonly Func<string, string, string?> _highlight;

    /// <param name="highlight">Highlights code for a language (returns escaped HTML), or null when it does not know the language.</param>
    public RenderMarkdown(Func<string, string, string?> highlight) => _highlight = highlight;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context) =>
        new ForEachDocument((doc, _) => doc.IsPage && doc.Source.Length > 0 ? Render(doc, PipelineFor(context.Environment.Settings.RawHtml)) : doc).ExecuteAsync(inputs, context);

    public static MarkdownPipeline PipelineFor(Configuration.RawHtmlMode rawHtml) =>
        rawHtml == Configuration.RawHtmlMode.Escape ? EscapedHtmlPipeline : Pipeline;

    public Document Render(Document doc, MarkdownPipeline? pipeline = null)
    {
        pipeline ??= Pipeline;
        var markdown = Markdig.Markdown.Parse(doc.Content, pipeline);
        var offset = doc.BodyLine;

        // A leading H1 is the page title: the layout shows the title, so the body does not repeat it.
        var title = doc.FrontMatter.GetString("title");
        if (markdown.Count > 0 && markdown[0] is HeadingBlock { Level: 1 } h1)
        {
            title ??= MarkdownText.PlainText(h1.Inline);
            markdown.RemoveAt(0);
        }

        var headings = ImmutableArray.CreateBuilder<Heading>();
        var tasks = ImmutableArray.CreateBuilder<TaskItem>();
        var links = ImmutableArray.CreateBuilder<LinkReference>();
        var section = "";
        var taskItems = new List<(ListItemBlock Item, string Text)>();
        foreach (var node in markdown.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    section = MarkdownText.PlainText(heading.Inline);
                    headings.Add(new Heading(heading.Level, heading.GetAttributes().Id ?? "", section, heading.Line + offset));
                    break;
                case ListItemBlock item when item.Count > 0 && item[0] is ParagraphBlock { Inline.FirstChild: TaskList task } paragraph:
                    var text = MarkdownText.PlainText(paragraph.Inline).Trim();
                    tasks.Add(new TaskItem(text, task.Checked, item.Line + offset, section));
                    taskItems.Add((item, text));
                    break;
                case LinkInline link when link.Url is { Length: > 0 } url:
                    link.Url = RewriteUrl(doc, url);
                    links.Add(new LinkReference(url, link.Url, link.Line + offset, link.Column + 1));
                    break;
            }
        }

        // Checklist items get an id (the deliverable's slug), so a dependency or a link can point at one.
        var ids = headings.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (item, text) in taskItems)
        {
            var unique = MarkdownText.UniqueSlug(text, ids);
            if (MarkdownText.Slug(text).Length > 0)
            {
                item.GetAttributes().Id = unique;
            }
        }

        var html = new StringWriter(new StringBuilder(doc.Content.Length * 2));
        var renderer = new HtmlRenderer(html);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new HighlightingCodeBlockRenderer(_highlight));
        renderer.Render(markdown);

        var excerpt = doc.FrontMatter.GetString("description")
            ?? markdown.Descendants<ParagraphBlock>().Select(p => MarkdownText.PlainText(p.Inline)).FirstOrDefault(t => t.Length > 0)
            ?? "";
        return doc with
        {
            Title = title ?? doc.Title,
            Html = RawHtml.Contain(html.ToString()),
            Headings = headings.ToImmutable(),
            Tasks = tasks.ToImmutable(),
            Links = links.ToImmutable(),
            Excerpt = Truncate(excerpt, 220),
        };
    }

    /// <summary>Points links to markdown sources at the pages built from them, relative to this page.</summary>
    private static string RewriteUrl(Document doc, string url)
    {
        if (SitePaths.IsExternal(url) || url.StartsWith('#') || url.StartsWith('/'))
        {
            return url;
        }
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? "" : url[hash..];
        if (path.EndsWith('/'))
        {
            // A folder link works on a server but not from disk: point it at the folder's page.
            return path + "index.html" + fragment;
        }
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return url;
        }
        var target = SitePaths.Combine(doc.Source, Uri.UnescapeDataString(path));
        return target is null ? url : SitePaths.Relative(doc.Destination, SitePaths.DestinationFor(target)) + fragment;
    }

    private static string Truncate(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>Fenced code: a language class, build-time highlighting, and a figure the theme's copy button hooks onto.</summary>
    private sealed class HighlightingCodeBlockRenderer(Func<string, string, string?> highlight) : HtmlObjectRenderer<CodeBlock>
    {
        private readonly CodeBlockRenderer _fallback = new();

        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            // The first word of the info string is the language ("bash title=x" → "bash").
            var language = block is FencedCodeBlock fenced ? (fenced.Info ?? "").Trim().Split(' ', 2)[0].ToLowerInvariant() : "";
            if (language == "mermaid")
            {
                _fallback.Write(renderer, block);
                return;
            }
            var code = block.Lines.ToString();
            var highlighted = language.Length > 0 ? highlight(code, language) : null;
            renderer.EnsureLine();
            renderer.Write("<div class=\"code-block\"");
            if (language.Length > 0)
            {
                renderer.Write(" data-lang=\"").Write(HtmlText.Escape(language)).Write('"');
            }
            renderer.Write("><pre><code");
            if (language.Length > 0)
            {
                renderer.Write(" class=\"language-").Write(HtmlText.Escape(language)).Write('"');
            }
            renderer.Write('>');
            renderer.Write(highlighted ?? HtmlText.Escape(code));
            renderer.Write("</code></pre></div>");
            renderer.WriteLine();
        }
    }
}
