using System.Collections.Immutable;
using Roadmap.Docs.Stages.Html;
using System.Globalization;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Stages.Markdown.Extensions;

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
            // Hugo shortcodes ({{< ref >}}, figure, highlight, notices, details) and [[_TOC_]] / [TOC] / {{< toc >}} markers.
            .Use<ShortcodeExtension>()
            // Generic attributes last: it also parses the {#id} written after a heading.
            .UseGenericAttributes();
        return (html ? builder : builder.DisableHtml()).Build();
    }

    /// <summary>HTML elements whose block runs until their end tag (CommonMark's HTML block type 1).</summary>
    private static readonly string[] RawTextTags = ["script", "style", "textarea", "pre"];

    private readonly Func<string, string, string?> _highlight;

    /// <param name="highlight">Highlights code for a language (returns escaped HTML), or null when it does not know the language.</param>
    public RenderMarkdown(Func<string, string, string?> highlight) => _highlight = highlight;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        // Reading the input publishes what links can point at; a one-page refresh publishes the last build's.
        var targets = context.TryGet<LinkTargets>() ?? new LinkTargets(inputs);
        var pipeline = PipelineFor(context.Environment.Settings.RawHtml);
        return new ForEachDocument((doc, ctx) => doc.IsPage && doc.Source.Length > 0 ? Render(doc, targets, ctx.Diagnostics, pipeline) : doc).ExecuteAsync(inputs, context);
    }

    public static MarkdownPipeline PipelineFor(Configuration.RawHtmlMode rawHtml) =>
        rawHtml == Configuration.RawHtmlMode.Escape ? EscapedHtmlPipeline : Pipeline;

    /// <summary>Renders one page on its own: links to .md files go where their pages would be; findings are dropped.</summary>
    public Document Render(Document doc, MarkdownPipeline? pipeline = null) => Render(doc, LinkTargets.Empty, new DiagnosticBag(), pipeline);

    /// <summary>
    /// Renders one page. A page Markdig cannot take (nested deeper than its limit) is shown as its text, with a
    /// diagnostic at the deepest line: one page never stops the others, and nothing the user wrote disappears.
    /// </summary>
    public Document Render(Document doc, LinkTargets targets, DiagnosticBag diagnostics, MarkdownPipeline? pipeline = null)
    {
        var offset = doc.BodyLine;
        if (NestingDepth.FirstLineBeyondLimit(doc.Content) is var deepLine and > 0)
        {
            return Unrendered(doc, diagnostics, deepLine + offset - 1, $"lists or block quotes are nested more than {NestingDepth.Limit} levels deep here");
        }
        try
        {
            return RenderMarkdownOf(doc, targets, diagnostics, pipeline ?? Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            // Inline nesting ("[[[[…", emphasis in emphasis) that the line scan does not count.
            return Unrendered(doc, diagnostics, NestingDepth.Locate(doc.Content) + offset - 1, $"markdown is nested more than {NestingDepth.Limit} levels deep (lists, quotes, links or emphasis)");
        }
    }

    private Document RenderMarkdownOf(Document doc, LinkTargets targets, DiagnosticBag diagnostics, MarkdownPipeline pipeline)
    {
        var markdown = Markdig.Markdown.Parse(doc.Content, pipeline);
        var offset = doc.BodyLine;

        // A leading H1 is the page title: the layout shows the title, so the body does not repeat it. Without one (a
        // README that opens with badges, a page that starts at ##), the first H1, else the first heading, names the page.
        var title = doc.FrontMatter.GetString("title");
        if (markdown.Count > 0 && markdown[0] is HeadingBlock { Level: 1 } h1)
        {
            title ??= MarkdownText.PlainText(h1.Inline);
            markdown.RemoveAt(0);
        }
        else if (title is null)
        {
            var top = markdown.OfType<HeadingBlock>().OrderBy(h => h.Level).FirstOrDefault();
            title = top is null ? null : MarkdownText.PlainText(top.Inline) is { Length: > 0 } text ? text : null;
        }

        var headings = ImmutableArray.CreateBuilder<Heading>();
        var tasks = ImmutableArray.CreateBuilder<TaskItem>();
        var links = ImmutableArray.CreateBuilder<LinkReference>();
        var section = "";
        var taskItems = new List<(ListItemBlock Item, string Text)>();
        var tocs = new List<ShortcodeBlock>();
        var openFences = new List<FencedCodeBlock>();
        LeafBlock? lastLeaf = null;
        foreach (var node in markdown.Descendants())
        {
            lastLeaf = node as LeafBlock ?? lastLeaf;
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
                    var written = url.StartsWith(ShortcodeExtension.ReferenceScheme, StringComparison.Ordinal) ? url[ShortcodeExtension.ReferenceScheme.Length..] : url;
                    link.Url = written == url ? RewriteUrl(doc, url, targets) : ResolveReference(doc, written, targets);
                    links.Add(new LinkReference(written, link.Url, link.Line + offset, link.Column + 1));
                    break;
                case ShortcodeInline inline:
                    inline.Html = ShortcodeHtml(doc, inline.Shortcode, block: false, targets, links, diagnostics, inline.Line + offset, inline.Column + 1);
                    break;
                case ShortcodeBlock block when Shortcodes.KindOf(block.Shortcode) == ShortcodeKind.Toc:
                    tocs.Add(block);
                    break;
                case ShortcodeBlock block:
                    block.Html = ShortcodeHtml(doc, block.Shortcode, block: true, targets, links, diagnostics, block.Line + offset, block.Column + 1);
                    break;
                case FencedCodeBlock { ClosingFencedCharCount: 0 } fence:
                    openFences.Add(fence);
                    break;
                case Block unclosed when Unclosed(unclosed) is { } problem:
                    diagnostics.Report(Rules.UnclosedBlock, doc.Source, unclosed.Line + offset, unclosed.Column + 1, problem.Message, problem.Hint);
                    break;
            }
        }
        // A fence left open inside a list item or quote ends with it; only one that runs to the end of the page swallows it.
        if (openFences.LastOrDefault() is { } last && ReferenceEquals(last, lastLeaf))
        {
            var (message, hint) = last.Parser is ShortcodeBlockParser
                ? ("the {{< highlight >}} shortcode is never closed: the rest of the page is code", "add {{< /highlight >}} where the code ends")
                : ("this code fence is never closed: the rest of the page is code", $"add a line holding only {new string(last.FencedChar, last.OpeningFencedCharCount)} where the code ends");
            diagnostics.Report(Rules.UnclosedBlock, doc.Source, last.Line + offset, last.Column + 1, message, hint);
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
        foreach (var toc in tocs)
        {
            toc.Html = Shortcodes.Toc(headings);
        }

        var builder = StringBuilders.Rent();
        using var html = new StringWriter(builder, CultureInfo.InvariantCulture);
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
            Html = RawHtml.Contain(StringBuilders.Release(builder)),
            Headings = headings.ToImmutable(),
            Tasks = tasks.ToImmutable(),
            Links = links.ToImmutable(),
            Excerpt = Truncate(excerpt, 220),
        };
    }

    /// <summary>The page as its own text in a pre block, reported at <paramref name="line"/>: what Markdig could not parse stays readable.</summary>
    private static Document Unrendered(Document doc, DiagnosticBag diagnostics, int line, string message)
    {
        diagnostics.Report(Rules.MarkdownTooDeep, doc.Source, line, 1, message + "; the page is shown as plain text", "flatten the nesting");
        return doc with
        {
            Html = "<pre class=\"unrendered\">" + HtmlText.Escape(doc.Content) + "</pre>",
            Excerpt = Truncate(doc.FrontMatter.GetString("description") ?? doc.Content[..Math.Min(doc.Content.Length, 1000)], 220),
        };
    }

    /// <summary>A container shortcode or raw HTML that swallows the rest of its page because it is never closed; raw HTML is closed here so the layout survives.</summary>
    private static (string Message, string Hint)? Unclosed(Block block)
    {
        switch (block)
        {
            case ShortcodeContainer { IsClosed: false } container:
                return ($"the {{{{< {container.Shortcode.Name} >}}}} shortcode is never closed: the rest of the page is inside it", $"add {{{{< /{container.Shortcode.Name} >}}}} where it ends");
            case HtmlBlock html when MissingClose(html) is { } close:
                // RawHtml.Contain shows such an opening as text, so the text after it and the page layout stay visible.
                return ($"raw HTML opened here is never closed (no {close}): it is shown as text", $"add {close} where it ends");
            default:
                return null;
        }
    }

    /// <summary>The closing an HTML comment, script, style, textarea or pre block lacks, or null.</summary>
    private static string? MissingClose(HtmlBlock html)
    {
        var text = html.Lines.ToString();
        if (html.Type == HtmlBlockType.Comment)
        {
            return text.Contains("-->", StringComparison.Ordinal) ? null : "-->";
        }
        if (html.Type != HtmlBlockType.ScriptPreOrStyle)
        {
            return null;
        }
        var tag = RawTextTags.FirstOrDefault(t => text.TrimStart().StartsWith("<" + t, StringComparison.OrdinalIgnoreCase));
        return tag is null || text.Contains("</" + tag, StringComparison.OrdinalIgnoreCase) ? null : "</" + tag + ">";
    }

    /// <summary>The HTML of a shortcode in this page: refs and figures resolved like links (and recorded for the link lint), unknown ones reported.</summary>
    private static string ShortcodeHtml(Document doc, Shortcode shortcode, bool block, LinkTargets targets, ImmutableArray<LinkReference>.Builder links, DiagnosticBag diagnostics, int line, int column)
    {
        switch (Shortcodes.KindOf(shortcode))
        {
            case ShortcodeKind.Reference when !shortcode.IsClosing && !shortcode.IsComment && shortcode.Argument("path", 0) is { Length: > 0 } path:
                var href = ResolveReference(doc, path, targets);
                links.Add(new LinkReference(path, href, line, column));
                var link = Shortcodes.Reference(href, path);
                return block ? "<p>" + link + "</p>" : link;
            case ShortcodeKind.Figure when !shortcode.IsComment && shortcode.Argument("src") is { Length: > 0 } src:
                var image = RewriteUrl(doc, src, targets);
                links.Add(new LinkReference(src, image, line, column));
                var target = shortcode.Argument("link") is { Length: > 0 } written ? RewriteUrl(doc, written, targets) : null;
                if (target is not null)
                {
                    links.Add(new LinkReference(shortcode.Argument("link")!, target, line, column));
                }
                return Shortcodes.Figure(shortcode, image, target);
            case ShortcodeKind.Notice when shortcode.IsSelfClosing && shortcode.Argument("text") is { Length: > 0 } text:
                // Theme alerts carry their words as an argument, written as markdown.
                return Shortcodes.Notice(shortcode, Markdig.Markdown.ToHtml(text, Pipeline));
            case ShortcodeKind.Unknown when !shortcode.IsComment && !shortcode.IsClosing:
                diagnostics.Report(Rules.UnknownShortcode, doc.Source, line, column,
                    $"the shortcode '{shortcode.Name}' is not one this build renders; it is shown as written",
                    "supported: ref, relref, figure, highlight, notice/alert, details, toc");
                return Shortcodes.Html(shortcode, block);
            default:
                return Shortcodes.Html(shortcode, block);
        }
    }

    /// <summary>A Hugo ref: the page it names, as a URL relative to this page (the path as written when no page matches, so the link lint reports it).</summary>
    private static string ResolveReference(Document doc, string reference, LinkTargets targets)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[hash..];
        if (path.Length == 0)
        {
            return fragment;
        }
        return targets.ResolveReference(doc.Source, path) is { } source && targets.PageDestination(source) is { } destination
            ? SitePaths.Relative(doc.Destination, destination) + fragment
            : reference;
    }

    /// <summary>
    /// Points a link where it leads in the built site, read as on GitHub: relative to the .md file (a page's HTML sits one
    /// folder deeper, in name/index.html). Links to pages (name.md, or name, name/ and /name that name a page) go to the
    /// page's index.html; a root-relative link (/img/x.png) to a file the site has becomes relative, so it holds under
    /// any path prefix and from disk.
    /// </summary>
    private static string RewriteUrl(Document doc, string url, LinkTargets targets)
    {
        if (SitePaths.IsExternal(url) || url.StartsWith('#'))
        {
            return url;
        }
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? "" : url[hash..];
        var beforeHash = hash < 0 ? url : url[..hash];
        var question = beforeHash.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? "" : beforeHash[question..];
        var path = Uri.UnescapeDataString(question < 0 ? beforeHash : beforeHash[..question]);
        if (path.Length == 0)
        {
            return url;
        }
        var rooted = path.StartsWith('/');
        var target = SitePaths.Combine(rooted ? "" : doc.Source, path);
        if (target is null)
        {
            return url;
        }
        string? resolved;
        if (SitePaths.IsMarkdown(target))
        {
            resolved = targets.PageDestination(target) ?? SitePaths.DestinationFor(target);
        }
        else if (targets.FindPage(path.EndsWith('/') ? target + "/" : target) is { } page)
        {
            resolved = targets.PageDestination(page);
        }
        else if (path.EndsWith('/'))
        {
            // A folder link works on a server but not from disk: point it at the folder's page.
            resolved = (target.Length == 0 ? "" : target + "/") + "index.html";
        }
        else
        {
            // A file: kept as written when rooted and unknown (the lint reports it), else relative to the .md file.
            resolved = rooted && !targets.HasFile(target) ? null : target;
        }
        return resolved is null ? url : SitePaths.Relative(doc.Destination, resolved) + query + fragment;
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
