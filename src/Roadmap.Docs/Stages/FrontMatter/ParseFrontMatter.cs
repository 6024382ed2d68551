using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>
/// Splits front matter from the markdown body and reads it, reporting errors at their line and column in the .md file:
/// YAML between <c>---</c> lines, TOML between <c>+++</c> lines (Hugo), or a JSON object the file opens with (Hugo).
/// </summary>
public static class ParseFrontMatter
{
    public static IModule Module { get; } = new ForEachDocument(Apply);

    public enum Format
    {
        None,
        Yaml,
        Toml,
        Json,
    }

    /// <summary>Where the front matter is: its format and text (null when absent or unclosed), and where the body starts (1-based lines).</summary>
    internal sealed record Block(Format Format, string? Text, int TextLine, string Body, int BodyLine, (int Line, string Message)? Error);

    public static Document Apply(Document doc, Engine.ExecutionContext context)
    {
        var block = Split(doc.SourceText);
        if (block.Error is { } error)
        {
            var fence = block.Format == Format.Toml ? "+++" : "---";
            context.Diagnostics.Report(Rules.FrontMatterSyntax, doc.Source, error.Line, 1, error.Message, $"close the front matter with a line holding only {fence}");
        }
        if (block.Format == Format.Json)
        {
            return ApplyJson(doc, context);
        }
        if (block.Text is null)
        {
            return doc with { Content = block.Body, BodyLine = block.BodyLine };
        }
        var result = block.Format == Format.Toml ? TomlValues.ParseTable(block.Text, block.TextLine) : YamlValues.ParseMapping(block.Text, block.TextLine);
        if (result.Error is not null)
        {
            var format = block.Format == Format.Toml ? "TOML" : "YAML";
            context.Diagnostics.Report(Rules.FrontMatterSyntax, doc.Source, result.ErrorLine, result.ErrorColumn, $"front matter is not valid {format}: {result.Error}");
        }
        return doc with { FrontMatter = result.Values, Content = block.Body, BodyLine = block.BodyLine };
    }

    /// <summary>Finds the front matter block. A file without one is all body.</summary>
    internal static Block Split(string text)
    {
        if (StartsWithFence(text, "---"))
        {
            return SplitFenced(text, Format.Yaml, "---", "...");
        }
        if (StartsWithFence(text, "+++"))
        {
            return SplitFenced(text, Format.Toml, "+++", "+++");
        }
        if (StartsWithJsonObject(text))
        {
            return new Block(Format.Json, text, 1, text, 1, null);
        }
        return new Block(Format.None, null, 0, text, 1, null);
    }

    private static Block SplitFenced(string text, Format format, string fence, string alternativeEnd)
    {
        var unclosed = (1, $"front matter is opened with {fence} but never closed");
        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstNewline < 0)
        {
            return new Block(format, null, 0, "", 1, unclosed);
        }
        var position = firstNewline + 1;
        var line = 2;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            var content = text.AsSpan(position, lineEnd - position).TrimEnd('\r');
            if (content.SequenceEqual(fence) || content.SequenceEqual(alternativeEnd))
            {
                var bodyStart = end < 0 ? text.Length : end + 1;
                return new Block(format, text[(firstNewline + 1)..position], 2, text[bodyStart..], line + 1, null);
            }
            if (end < 0)
            {
                break;
            }
            position = end + 1;
            line++;
        }
        return new Block(format, null, 0, text, 1, unclosed);
    }

    /// <summary>JSON front matter: the object's values, the body after the line that closes it; invalid JSON leaves the text as the body.</summary>
    private static Document ApplyJson(Document doc, Engine.ExecutionContext context)
    {
        var text = doc.SourceText;
        var (result, end) = JsonValues.ParseObject(text);
        if (result.Error is not null)
        {
            context.Diagnostics.Report(Rules.FrontMatterSyntax, doc.Source, result.ErrorLine, result.ErrorColumn, result.Error);
            return doc with { Content = text, BodyLine = 1 };
        }
        var newline = text.IndexOf('\n', end);
        var bodyStart = newline < 0 ? text.Length : newline + 1;
        var bodyLine = 1 + text.AsSpan(0, bodyStart).Count('\n');
        return doc with { FrontMatter = result.Values, Content = text[bodyStart..], BodyLine = bodyLine };
    }

    private static bool StartsWithFence(string text, string fence)
    {
        if (!text.AsSpan().StartsWith(fence, StringComparison.Ordinal))
        {
            return false;
        }
        return FirstLine(text.AsSpan(fence.Length)).Trim().IsEmpty;
    }

    /// <summary>Hugo's JSON front matter: a first line "{" or "{ "key": …" (not "{{&lt; shortcode &gt;}}" or "{#id}").</summary>
    private static bool StartsWithJsonObject(string text)
    {
        if (!text.StartsWith('{'))
        {
            return false;
        }
        var rest = FirstLine(text.AsSpan(1)).Trim();
        return rest.IsEmpty || rest[0] == '"';
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        var newline = text.IndexOf('\n');
        return (newline < 0 ? text : text[..newline]).TrimEnd('\r');
    }
}
