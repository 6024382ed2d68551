using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Roadmap.Docs.Stages.Markdown.Extensions;

/// <summary>A shortcode inside a paragraph. <see cref="Html"/> is what the page shows, filled in by the renderer's first pass.</summary>
public sealed class ShortcodeInline : LeafInline
{
    public required Shortcode Shortcode { get; init; }

    public string Html { get; set; } = "";
}

/// <summary>A line holding only a shortcode (or a table-of-contents marker such as <c>[[_TOC_]]</c>).</summary>
public sealed class ShortcodeBlock(BlockParser parser) : LeafBlock(parser)
{
    public required Shortcode Shortcode { get; init; }

    public string Html { get; set; } = "";
}

/// <summary>A paired shortcode whose inside is markdown (<c>{{% notice %}}…{{% /notice %}}</c>, <c>details</c>).</summary>
public sealed class ShortcodeContainer(BlockParser parser) : ContainerBlock(parser)
{
    public required Shortcode Shortcode { get; init; }

    /// <summary>False when the closing shortcode never came: the container ran to the end of the page.</summary>
    public bool IsClosed { get; set; }
}

/// <summary>Shortcodes inside paragraphs: <c>see {{&lt; ref "x.md" &gt;}}</c>.</summary>
public sealed class ShortcodeInlineParser : InlineParser
{
    public ShortcodeInlineParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '{' || !Shortcode.TryParse(slice.AsSpan(), out var shortcode, out var length))
        {
            return false;
        }
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new ShortcodeInline
        {
            Shortcode = shortcode!,
            Span = new SourceSpan(start, start + length - 1),
            Line = line,
            Column = column,
        };
        slice.Start += length;
        return true;
    }
}

/// <summary>
/// Lines that hold only a shortcode or a table-of-contents marker. <c>highlight</c> opens a code block (its lines are
/// kept as written until <c>{{&lt; /highlight &gt;}}</c>); notices, alerts and details open a container whose inside is
/// markdown; anything else is one line. Code blocks never reach here: their lines belong to them.
/// </summary>
public sealed class ShortcodeBlockParser : BlockParser
{
    /// <summary>GitLab and Azure DevOps write <c>[[_TOC_]]</c>; Python-Markdown and others <c>[TOC]</c>.</summary>
    private static readonly string[] TocMarkers = ["[[_TOC_]]", "[TOC]"];

    public ShortcodeBlockParser() => OpeningCharacters = ['{', '['];

    /// <summary>
    /// A table of contents, figure, code, call-out or closing shortcode on its own line starts a block even right under
    /// a paragraph's text; a ref or an unknown shortcode there stays part of the paragraph, as it reads.
    /// </summary>
    public override bool CanInterrupt(BlockProcessor processor, Block block) =>
        block is not ParagraphBlock || (LineShortcode(processor.Line) is { } shortcode
            && (shortcode.IsClosing || Shortcodes.KindOf(shortcode) is not (ShortcodeKind.Reference or ShortcodeKind.Unknown)));

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent || LineShortcode(processor.Line) is not { } shortcode)
        {
            return BlockState.None;
        }
        var line = processor.Line;
        var text = line.AsSpan().TrimEnd();
        var position = (Line: processor.LineIndex, Column: processor.Column, Span: new SourceSpan(line.Start, line.Start + text.Length - 1));
        var kind = Shortcodes.KindOf(shortcode);
        if (kind == ShortcodeKind.Code && !shortcode.IsClosing)
        {
            processor.NewBlocks.Push(new FencedCodeBlock(this)
            {
                Info = shortcode.Argument("lang", 0) ?? "",
                FencedChar = '`',
                OpeningFencedCharCount = 3,
                Line = position.Line,
                Column = position.Column,
                Span = position.Span,
            });
            return BlockState.ContinueDiscard;
        }
        if (kind is ShortcodeKind.Notice or ShortcodeKind.Details && !shortcode.IsSelfClosing && !shortcode.IsClosing)
        {
            processor.NewBlocks.Push(new ShortcodeContainer(this) { Shortcode = shortcode, Line = position.Line, Column = position.Column, Span = position.Span });
            return BlockState.ContinueDiscard;
        }
        processor.NewBlocks.Push(new ShortcodeBlock(this) { Shortcode = shortcode, Line = position.Line, Column = position.Column, Span = position.Span });
        return BlockState.BreakDiscard;
    }

    /// <summary>The shortcode (or TOC marker, as <c>toc</c>) that is the whole line, or null.</summary>
    private static Shortcode? LineShortcode(StringSlice line)
    {
        var text = line.AsSpan().TrimEnd();
        foreach (var marker in TocMarkers)
        {
            if (text.SequenceEqual(marker))
            {
                return new Shortcode("toc", false, true, false, [], System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, marker);
            }
        }
        return Shortcode.TryParse(text, out var shortcode, out var length) && length == text.Length && !shortcode!.IsComment ? shortcode : null;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var name = block switch
        {
            ShortcodeContainer container => container.Shortcode.Name,
            FencedCodeBlock => "highlight",
            _ => null,
        };
        if (name is null)
        {
            return BlockState.None;
        }
        var text = processor.Line.AsSpan().Trim();
        if (Shortcode.TryParse(text, out var shortcode, out var length) && length == text.Length && shortcode!.IsClosing
            && shortcode.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            switch (block)
            {
                case ShortcodeContainer container:
                    container.IsClosed = true;
                    break;
                case FencedCodeBlock fenced:
                    fenced.ClosingFencedCharCount = 3;
                    break;
            }
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.BreakDiscard;
        }
        if (block is FencedCodeBlock)
        {
            // Code keeps its indentation as written.
            processor.GoToColumn(processor.ColumnBeforeIndent);
        }
        return BlockState.Continue;
    }
}
