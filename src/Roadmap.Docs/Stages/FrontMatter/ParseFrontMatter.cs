using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>Splits YAML front matter (between <c>---</c> lines) from the markdown body and reads it, reporting errors at their line and column.</summary>
public static class ParseFrontMatter
{
    public static IModule Module { get; } = new ForEachDocument(Apply);

    public static Document Apply(Document doc, Engine.ExecutionContext context)
    {
        var text = doc.SourceText;
        var (yaml, yamlLine, body, bodyLine, error) = Split(text);
        if (error is not null)
        {
            context.Diagnostics.Report(Rules.FrontMatterSyntax, doc.Source, error.Value.Line, 1, error.Value.Message, "close the front matter with a line holding only ---");
        }
        if (yaml is null)
        {
            return doc with { Content = body, BodyLine = bodyLine };
        }
        var result = YamlValues.ParseMapping(yaml, yamlLine);
        if (result.Error is not null)
        {
            context.Diagnostics.Report(Rules.FrontMatterSyntax, doc.Source, result.ErrorLine, result.ErrorColumn, $"front matter is not valid YAML: {result.Error}");
        }
        return doc with { FrontMatter = result.Values, Content = body, BodyLine = bodyLine };
    }

    /// <summary>Finds the front matter block; lines are 1-based. A file without one is all body.</summary>
    internal static (string? Yaml, int YamlLine, string Body, int BodyLine, (int Line, string Message)? Error) Split(string text)
    {
        if (!StartsWithFence(text, 0, "---"))
        {
            if (StartsWithFence(text, 0, "+++"))
            {
                return (null, 0, text, 1, (1, "TOML front matter (+++) is not read: write it as YAML between --- lines"));
            }
            return (null, 0, text, 1, null);
        }
        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstNewline < 0)
        {
            return (null, 0, "", 1, (1, "front matter is opened with --- but never closed"));
        }
        var position = firstNewline + 1;
        var line = 2;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            var content = text.AsSpan(position, lineEnd - position).TrimEnd('\r');
            if (content is "---" or "...")
            {
                var yaml = text[(firstNewline + 1)..position];
                var bodyStart = end < 0 ? text.Length : end + 1;
                return (yaml, 2, text[bodyStart..], line + 1, null);
            }
            if (end < 0)
            {
                break;
            }
            position = end + 1;
            line++;
        }
        return (null, 0, text, 1, (1, "front matter is opened with --- but never closed"));
    }

    private static bool StartsWithFence(string text, int start, string fence)
    {
        if (!text.AsSpan(start).StartsWith(fence, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text.AsSpan(start + fence.Length);
        var newline = rest.IndexOf('\n');
        var tail = newline < 0 ? rest : rest[..newline];
        return tail.TrimEnd('\r').Trim().IsEmpty;
    }
}
