namespace Roadmap.Docs.Stages.Markdown;

/// <summary>
/// A cheap line scan that finds where block quotes and lists certainly nest deeper than Markdig allows, before Markdig
/// is asked: Markdig stops at its depth limit with an exception, but only after work that grows with the cube of the
/// depth for indented lists (a 2,000-level list takes 20 s). The scan counts only nesting it is sure of — quote markers
/// and list items indented under an open item, as CommonMark matches them — so it never refuses a page Markdig would render.
/// </summary>
public static class NestingDepth
{
    /// <summary>Markdig's default <c>MaximumNestingDepth</c>: deeper documents fail to parse.</summary>
    public const int Limit = 128;

    /// <summary>The deepest line (1-based) and its depth; depth is a lower bound of the real nesting there.</summary>
    public static (int Line, int Depth) Deepest(string markdown, int stopAbove = int.MaxValue)
    {
        var open = new List<int>();
        var (deepestLine, deepest) = (0, 0);
        var fence = "";
        var lineNumber = 0;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = markdown.AsSpan(range).TrimEnd('\r');
            var position = 0;
            var quotes = 0;
            while (true)
            {
                var at = SkipSpaces(line, position);
                if (at < line.Length && line[at] == '>' && at - position < 4)
                {
                    quotes++;
                    position = at + 1;
                    continue;
                }
                break;
            }
            var indent = Columns(line, position, out var textStart);
            var text = line[textStart..];
            if (fence.Length > 0)
            {
                // Inside a fenced code block nothing nests; only its closing fence matters.
                if (text.StartsWith(fence, StringComparison.Ordinal) && text.TrimEnd().Trim(fence[0]).IsEmpty)
                {
                    fence = "";
                }
                continue;
            }
            if (text.IsEmpty)
            {
                continue;
            }
            if (text.StartsWith("```", StringComparison.Ordinal) || text.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = new string(text[0], text.Length - text.TrimStart(text[0]).Length);
            }
            // Items whose content starts right of this line's indent end here (a lazy continuation would keep them: ending
            // them early can only make the count lower, never higher).
            while (open.Count > 0 && open[^1] > indent)
            {
                open.RemoveAt(open.Count - 1);
            }
            var parentContent = open.Count > 0 ? open[^1] : 0;
            var column = indent;
            // "- - - x" opens three items on one line; each item's content column is where the next may start.
            while (column - parentContent < 4 && !IsThematicBreak(text) && MarkerWidth(text) is > 0 and var width)
            {
                var after = text[width..];
                var spaces = after.Length - after.TrimStart(' ').Length;
                var content = column + width + (spaces is >= 1 and <= 4 ? spaces : 1);
                open.Add(content);
                parentContent = content;
                column = content;
                text = after.TrimStart(' ');
            }
            var depth = quotes + open.Count;
            if (depth > deepest)
            {
                (deepestLine, deepest) = (lineNumber, depth);
                if (deepest > stopAbove)
                {
                    break;
                }
            }
        }
        return (deepestLine, deepest);
    }

    /// <summary>The first line where nesting is certainly over <see cref="Limit"/>, or 0.</summary>
    public static int FirstLineBeyondLimit(string markdown) =>
        Deepest(markdown, Limit) is var (line, depth) && depth > Limit ? line : 0;

    /// <summary>
    /// Where to point when Markdig found the page too deep: the deepest list or quote line, else (inline nesting such as
    /// "[[[[" or emphasis in emphasis) the line with the most of the characters that open inline markup.
    /// </summary>
    public static int Locate(string markdown)
    {
        var (line, depth) = Deepest(markdown);
        if (depth > 1)
        {
            return line;
        }
        var (best, most, number) = (1, 0, 0);
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            number++;
            var count = markdown.AsSpan(range).Count('[') + markdown.AsSpan(range).Count('*') + markdown.AsSpan(range).Count('_') + markdown.AsSpan(range).Count('<');
            if (count > most)
            {
                (best, most) = (number, count);
            }
        }
        return best;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int position)
    {
        while (position < line.Length && line[position] == ' ')
        {
            position++;
        }
        return position;
    }

    /// <summary>The indent in columns (a tab goes to the next multiple of 4) and where the text starts.</summary>
    private static int Columns(ReadOnlySpan<char> line, int position, out int textStart)
    {
        var columns = 0;
        for (textStart = position; textStart < line.Length; textStart++)
        {
            if (line[textStart] == ' ')
            {
                columns++;
            }
            else if (line[textStart] == '\t')
            {
                columns += 4 - (columns % 4);
            }
            else
            {
                break;
            }
        }
        return columns;
    }

    /// <summary>"- - -", "***", "_ _ _": a horizontal rule, not list items.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] is not ('-' or '*' or '_'))
        {
            return false;
        }
        var marker = text[0];
        var count = 0;
        foreach (var c in text)
        {
            if (c == marker)
            {
                count++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }
        return count >= 3;
    }

    /// <summary>The width of a list marker ("-", "*", "+", "1.", "12)") followed by a space or the end of the line; 0 if none.</summary>
    private static int MarkerWidth(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }
        var width = text[0] is '-' or '*' or '+' ? 1 : 0;
        if (width == 0)
        {
            while (width < text.Length && width < 9 && char.IsAsciiDigit(text[width]))
            {
                width++;
            }
            if (width == 0 || width >= text.Length || text[width] is not ('.' or ')'))
            {
                return 0;
            }
            width++;
        }
        return width == text.Length || text[width] is ' ' or '\t' ? width : 0;
    }
}
