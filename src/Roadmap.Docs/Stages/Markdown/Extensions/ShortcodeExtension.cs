using System.Text;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Roadmap.Docs.Stages.Markdown.Extensions;

/// <summary>
/// Hugo shortcodes and table-of-contents markers in the shared Markdig pipeline: the parsers, the renderers, and the
/// rewrite that lets <c>[text]({{&lt; ref "x.md" &gt;}})</c> be a link (its destination is not valid markdown as written).
/// </summary>
public sealed class ShortcodeExtension : IMarkdownExtension
{
    /// <summary>A ref written as a link destination becomes <c>&lt;hugo-ref:PATH&gt;</c>, resolved like any link by the renderer.</summary>
    public const string ReferenceScheme = "hugo-ref:";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.Insert(0, new ShortcodeBlockParser());
        pipeline.InlineParsers.Insert(0, new ShortcodeInlineParser());
        foreach (var parser in pipeline.BlockParsers.Where(p => p is ParagraphBlockParser or HeadingBlockParser))
        {
            parser.Closed += RewriteReferenceDestinations;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new InlineRenderer());
            html.ObjectRenderers.Insert(0, new BlockRenderer());
            html.ObjectRenderers.Insert(0, new ContainerRenderer());
        }
    }

    /// <summary>
    /// In a closed paragraph or heading, <c>]({{&lt; ref "x" &gt;}})</c> becomes <c>](&lt;hugo-ref:x&gt;)</c> before inlines are
    /// parsed, outside code spans only. Positions after it on the same line move by the difference; the link's own do not.
    /// </summary>
    private static void RewriteReferenceDestinations(BlockProcessor processor, Block block)
    {
        if (block is not LeafBlock { Lines.Count: > 0 } leaf)
        {
            return;
        }
        var ticks = 0;
        var lines = leaf.Lines.Lines;
        for (var i = 0; i < leaf.Lines.Count; i++)
        {
            if (Rewrite(lines[i].Slice.AsSpan(), ref ticks) is { } rewritten)
            {
                lines[i].Slice = new StringSlice(rewritten);
            }
        }
    }

    /// <summary>Rewrites one line; <paramref name="ticks"/> carries an open code span's backtick count across lines. Null when nothing changed.</summary>
    private static string? Rewrite(ReadOnlySpan<char> text, ref int ticks)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '`')
            {
                var run = text[i..].Length - text[i..].TrimStart('`').Length;
                ticks = ticks == 0 ? run : ticks == run ? 0 : ticks;
                i += run - 1;
                continue;
            }
            if (ticks > 0)
            {
                continue;
            }
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c != ']' || i + 1 >= text.Length || text[i + 1] != '(')
            {
                continue;
            }
            var start = i + 2;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
            if (!Shortcode.TryParse(text[start..], out var shortcode, out var length) || Shortcodes.KindOf(shortcode!) != ShortcodeKind.Reference
                || shortcode!.IsClosing || shortcode.Argument("path", 0) is not { Length: > 0 } path || path.AsSpan().IndexOfAny("<>\n") >= 0)
            {
                continue;
            }
            var after = text[(start + length)..].TrimStart(' ');
            if (after.IsEmpty || after[0] is not (')' or '"' or '\''))
            {
                continue;
            }
            builder ??= new StringBuilder(text.Length);
            builder.Append(text[copied..(i + 2)]).Append('<').Append(ReferenceScheme).Append(path).Append('>');
            copied = start + length;
            i = copied - 1;
        }
        return builder?.Append(text[copied..]).ToString();
    }

    private sealed class InlineRenderer : HtmlObjectRenderer<ShortcodeInline>
    {
        protected override void Write(HtmlRenderer renderer, ShortcodeInline inline) =>
            renderer.Write(inline.Html.Length > 0 ? inline.Html : Shortcodes.Html(inline.Shortcode, block: false));
    }

    private sealed class BlockRenderer : HtmlObjectRenderer<ShortcodeBlock>
    {
        protected override void Write(HtmlRenderer renderer, ShortcodeBlock block)
        {
            renderer.EnsureLine();
            renderer.Write(block.Html.Length > 0 ? block.Html : Shortcodes.Html(block.Shortcode, block: true));
            renderer.WriteLine();
        }
    }

    private sealed class ContainerRenderer : HtmlObjectRenderer<ShortcodeContainer>
    {
        protected override void Write(HtmlRenderer renderer, ShortcodeContainer container)
        {
            var details = Shortcodes.KindOf(container.Shortcode) == ShortcodeKind.Details;
            renderer.EnsureLine();
            renderer.Write(details ? Shortcodes.DetailsOpen(container.Shortcode) : Shortcodes.NoticeOpen(container.Shortcode));
            renderer.WriteChildren(container);
            renderer.EnsureLine();
            renderer.WriteLine(details ? "</details>" : "</div>");
        }
    }
}
