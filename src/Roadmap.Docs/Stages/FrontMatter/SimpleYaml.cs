using System.Collections.Immutable;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>
/// The front matter nearly every page has — top-level <c>key: value</c> lines, <c>[a, b]</c> lists and <c>- item</c> lists
/// of plain or simply quoted scalars — read directly, with the same values and positions YamlDotNet gives. Anything else
/// (nesting, anchors, block scalars, escapes, comments after a value, tabs…) returns null, and the caller uses YamlDotNet.
/// YamlDotNet's representation model costs about as much per page as rendering its markdown, most of it interning
/// every key under a process-wide lock, which parallel front matter reading contends for.
/// </summary>
public static class SimpleYaml
{
    private static readonly System.Buffers.SearchValues<char> NotInFlowItems = System.Buffers.SearchValues.Create("[]{}#'\":&*!|>%@`");

    /// <summary>The values of <paramref name="yaml"/>, positions shifted by <paramref name="firstLine"/> − 1; null when it is not in the simple form.</summary>
    public static Engine.FrontMatter? TryParse(string yaml, int firstLine)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.AsSpan().IndexOfAny('\t', '\r', '\uFEFF') >= 0)
        {
            return null;
        }
        var values = ImmutableDictionary.CreateBuilder<string, FrontMatterValue>(StringComparer.Ordinal);
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + firstLine;
            if (IsBlankOrComment(line))
            {
                continue;
            }
            var colon = KeyEnd(line);
            if (colon < 0)
            {
                return null;
            }
            var key = line[..colon];
            if (values.ContainsKey(key))
            {
                // YamlDotNet reports a duplicate key: leave the message to it.
                return null;
            }
            var rest = line.AsSpan(colon + 1);
            var valueStart = colon + 1 + (rest.Length - rest.TrimStart(' ').Length);
            var text = line[valueStart..].TrimEnd(' ');
            FrontMatterValue? value;
            if (text.Length == 0)
            {
                // "key:" alone: a block list on the lines that follow, or nothing (null).
                var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
                var itemIndent = -1;
                while (i + 1 < lines.Length && !IsBlankOrComment(lines[i + 1]) && BlockItem(lines[i + 1]) is { } item)
                {
                    if (itemIndent >= 0 && item.Indent != itemIndent)
                    {
                        return null;
                    }
                    itemIndent = item.Indent;
                    i++;
                    var scalar = item.Text.Length == 0 ? null : Scalar(lines[i], item.Start, i + firstLine);
                    if (scalar is null)
                    {
                        return null;
                    }
                    items.Add(scalar);
                }
                if (i + 1 < lines.Length && !IsBlankOrComment(lines[i + 1]) && lines[i + 1][0] == ' ')
                {
                    // Indented content that is not a list item (a nested mapping, a continued scalar).
                    return null;
                }
                value = items.Count > 0 ? new FrontMatterValue(items.ToImmutable(), lineNumber, 1) : new FrontMatterValue(null, lineNumber, 1);
            }
            else if (text[0] == '[')
            {
                value = FlowList(line, valueStart, text.Length, lineNumber);
            }
            else
            {
                value = Scalar(line, valueStart, lineNumber);
            }
            if (value is null)
            {
                return null;
            }
            if (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] == ' ' && !IsBlankOrComment(lines[i + 1]))
            {
                // A value continued on an indented line.
                return null;
            }
            // A mapping entry is positioned at its key.
            values[key] = value with { Line = lineNumber, Column = 1 };
        }
        return values.Count == 0 ? Engine.FrontMatter.Empty : new Engine.FrontMatter(values.ToImmutable());
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.AsSpan().TrimStart(' ');
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    /// <summary>Where a top-level "key:" ends (the colon), for keys of letters, digits, '_' and '-' only; else -1.</summary>
    private static int KeyEnd(string line)
    {
        var at = 0;
        while (at < line.Length && (char.IsAsciiLetterOrDigit(line[at]) || line[at] is '_' or '-'))
        {
            at++;
        }
        var startsWell = at > 0 && (char.IsAsciiLetter(line[0]) || line[0] == '_');
        return startsWell && at < line.Length && line[at] == ':' && (at + 1 == line.Length || line[at + 1] == ' ') ? at : -1;
    }

    /// <summary>"  - item": the item's indent, the column its text starts at (0-based) and the text; null for any other line.</summary>
    private static (int Indent, int Start, string Text)? BlockItem(string line)
    {
        var indent = line.Length - line.AsSpan().TrimStart(' ').Length;
        if (indent >= line.Length || line[indent] != '-' || (indent + 1 < line.Length && line[indent + 1] != ' '))
        {
            return null;
        }
        var start = indent + 1;
        while (start < line.Length && line[start] == ' ')
        {
            start++;
        }
        return (indent, start, line[start..].TrimEnd(' '));
    }

    /// <summary>A plain, single-quoted or escape-free double-quoted scalar starting at <paramref name="start"/> and running to the end of the line.</summary>
    private static FrontMatterValue? Scalar(string line, int start, int lineNumber)
    {
        var text = line[start..].TrimEnd(' ');
        var column = start + 1;
        if (text.Length == 0)
        {
            return null;
        }
        switch (text[0])
        {
            case '\'':
                return text.Length >= 2 && text[^1] == '\'' && Unquote(text[1..^1]) is { } single ? new FrontMatterValue(single, lineNumber, column) : null;
            case '"':
                var inner = text.Length >= 2 && text[^1] == '"' ? text[1..^1] : null;
                return inner is not null && inner.AsSpan().IndexOfAny('"', '\\') < 0 ? new FrontMatterValue(inner, lineNumber, column) : null;
        }
        if (!IsPlain(text))
        {
            return null;
        }
        return new FrontMatterValue(YamlValues.IsPlainNull(text) ? null : text, lineNumber, column);
    }

    /// <summary>The text of a single-quoted scalar ('' is a quote); null when a lone quote ends it early.</summary>
    private static string? Unquote(string inner)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\'')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '\'')
                {
                    return null;
                }
                i++;
            }
        }
        return inner.Replace("''", "'", StringComparison.Ordinal);
    }

    /// <summary>A plain scalar that means only itself: no indicator first, no ": " or " #" inside, no ':' last.</summary>
    private static bool IsPlain(string text) =>
        "-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0], StringComparison.Ordinal) < 0
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && text[^1] != ':';

    /// <summary>"[a, b, c]" of plain items, each positioned where it starts.</summary>
    private static FrontMatterValue? FlowList(string line, int start, int length, int lineNumber)
    {
        if (line[start + length - 1] != ']')
        {
            return null;
        }
        var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
        var inner = line.AsSpan(start + 1, length - 2);
        if (inner.IndexOfAny(NotInFlowItems) >= 0)
        {
            return null;
        }
        if (!inner.Trim(' ').IsEmpty)
        {
            var at = start + 1;
            foreach (var range in inner.Split(','))
            {
                var part = inner[range];
                var lead = part.Length - part.TrimStart(' ').Length;
                var item = part.Trim(' ');
                if (item.IsEmpty || item[0] is '-' or '?')
                {
                    return null;
                }
                var text = item.ToString();
                items.Add(new FrontMatterValue(YamlValues.IsPlainNull(text) ? null : text, lineNumber, at + range.Start.Value + lead + 1));
            }
        }
        return new FrontMatterValue(items.ToImmutable(), lineNumber, start + 1);
    }
}
