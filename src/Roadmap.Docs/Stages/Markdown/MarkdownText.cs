using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace Roadmap.Docs.Stages.Markdown;

/// <summary>Text from the markdown tree, shared by the renderer and the roadmap readers so both see the same words.</summary>
public static class MarkdownText
{
    /// <summary>The readable text of inlines: emphasis and link markup dropped, task-list boxes skipped, spaces folded.</summary>
    public static string PlainText(IEnumerable<Inline>? inlines)
    {
        var builder = new StringBuilder();
        foreach (var inline in inlines ?? [])
        {
            Append(builder, inline);
        }
        return Fold(builder.ToString());
    }

    /// <summary>"Complete Pydantic V1 to V2 migration" → "complete-pydantic-v1-to-v2-migration": the id of a checklist item.</summary>
    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The slug of <paramref name="text"/>, made unique among <paramref name="taken"/> ("-2", "-3", …) and added to it.</summary>
    public static string UniqueSlug(string text, HashSet<string> taken)
    {
        var slug = Slug(text);
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }

    /// <summary>Runs of spaces, tabs and line breaks become one space; the ends are trimmed.</summary>
    public static string Fold(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null or TaskList or HtmlInline:
                break;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }
                break;
        }
    }
}
