using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Roadmap;

/// <summary>A document's markdown body parsed with Markdig, with positions mapped back to 1-based lines of the source file.</summary>
internal sealed class MarkdownBody
{
    // Built once and shared: a MarkdownPipeline is immutable and thread-safe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().Build();

    private readonly string _text;
    private readonly int _bodyLine;

    public MarkdownBody(Document document)
    {
        SourceFile = document.Source;
        _bodyLine = Math.Max(1, document.BodyLine);
        _text = BodyOf(document.SourceText, _bodyLine);
        Blocks = [.. Markdown.Parse(_text, Pipeline)];
    }

    public string SourceFile { get; }

    /// <summary>The top-level blocks of the body, in order.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>1-based line in the source file (Markdig counts from 0 inside the body).</summary>
    public int LineOf(MarkdownObject node) => _bodyLine + node.Line;

    public static int ColumnOf(MarkdownObject node) => node.Column + 1;

    /// <summary>The markdown exactly as written for a block, with line breaks and indentation folded to single spaces.</summary>
    public string SourceOf(Block block) => MarkdownText.Fold(_text.Substring(block.Span.Start, block.Span.Length));

    /// <summary>
    /// Each heading that <paramref name="match"/> accepts, with the blocks under it up to the next heading of the same
    /// or a higher level (so a "### Phase 2" section ends at "### Phase 3" or "## Risk Management").
    /// </summary>
    public IEnumerable<(HeadingBlock Heading, IReadOnlyList<Block> Blocks)> Sections(Func<HeadingBlock, bool> match)
    {
        for (var i = 0; i < Blocks.Count; i++)
        {
            if (Blocks[i] is not HeadingBlock heading || !match(heading))
            {
                continue;
            }
            var end = i + 1;
            while (end < Blocks.Count && !(Blocks[end] is HeadingBlock next && next.Level <= heading.Level))
            {
                end++;
            }
            yield return (heading, Blocks.Skip(i + 1).Take(end - i - 1).ToList());
        }
    }

    /// <summary>The readable text of inlines (see <see cref="MarkdownText.PlainText"/>).</summary>
    public static string PlainText(IEnumerable<Inline>? inlines) => MarkdownText.PlainText(inlines);

    public static string PlainText(HeadingBlock heading) => PlainText(heading.Inline);

    /// <summary>The plain text of a list item's first paragraph, and whether it is a checked task.</summary>
    public static (string Text, bool Checked, ParagraphBlock? Paragraph) ItemText(ListItemBlock item)
    {
        if (item.Count == 0 || item[0] is not ParagraphBlock paragraph)
        {
            return ("", false, null);
        }
        var task = paragraph.Inline?.FirstChild as TaskList;
        return (PlainText(paragraph.Inline), task?.Checked ?? false, paragraph);
    }


    private static string BodyOf(string source, int bodyLine)
    {
        var offset = 0;
        for (var line = 1; line < bodyLine && offset < source.Length; line++)
        {
            var newline = source.IndexOf('\n', offset);
            offset = newline < 0 ? source.Length : newline + 1;
        }
        return source[offset..];
    }
}
