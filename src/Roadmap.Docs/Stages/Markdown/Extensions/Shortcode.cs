using System.Collections.Immutable;
using System.Text;

namespace Roadmap.Docs.Stages.Markdown.Extensions;

/// <summary>
/// A Hugo shortcode as written: <c>{{&lt; name "positional" key="named" &gt;}}</c> or <c>{{% name %}}</c>, a closing
/// <c>{{&lt; /name &gt;}}</c>, a self-closing <c>{{&lt; name /&gt;}}</c>, or Hugo's escaped form <c>{{&lt;/* name */&gt;}}</c>
/// that shows the shortcode's source.
/// </summary>
public sealed record Shortcode(
    string Name,
    bool IsClosing,
    bool IsSelfClosing,
    bool IsComment,
    ImmutableArray<string> Positional,
    ImmutableDictionary<string, string> Named,
    string Text)
{
    /// <summary>Longer than this is not a shortcode: bounds the work a page of stray <c>{{&lt;</c> can cause.</summary>
    public const int MaxLength = 4096;

    /// <summary>A named argument, else the positional one at <paramref name="position"/>.</summary>
    public string? Argument(string name, int position = -1) =>
        Named.GetValueOrDefault(name) ?? (position >= 0 && position < Positional.Length ? Positional[position] : null);

    /// <summary>The source a reader should see for the escaped form: <c>{{&lt;/* x */&gt;}}</c> shows as <c>{{&lt; x &gt;}}</c>.</summary>
    public string Shown => IsComment ? Text.Replace("/*", "", StringComparison.Ordinal).Replace("*/", "", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal) : Text;

    /// <summary>Reads a shortcode at the start of <paramref name="text"/>; <paramref name="length"/> is how many characters it takes.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Shortcode? shortcode, out int length)
    {
        shortcode = null;
        length = 0;
        if (text.Length < 7 || !text.StartsWith("{{") || text[2] is not ('<' or '%'))
        {
            return false;
        }
        text = text[..Math.Min(text.Length, MaxLength)];
        var close = text[2] == '<' ? ">}}" : "%}}";
        var i = SkipSpace(text, 3);
        var comment = text[i..].StartsWith("/*");
        if (comment)
        {
            i = SkipSpace(text, i + 2);
        }
        var closing = i < text.Length && text[i] == '/';
        if (closing)
        {
            i = SkipSpace(text, i + 1);
        }
        var nameStart = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.' || (text[i] == '/' && i > nameStart)))
        {
            i++;
        }
        if (i == nameStart)
        {
            return false;
        }
        var name = text[nameStart..i].ToString();
        var positional = ImmutableArray.CreateBuilder<string>();
        var named = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var selfClosing = false;
        while (true)
        {
            i = SkipSpace(text, i);
            if (comment && text[i..].StartsWith("*/"))
            {
                i = SkipSpace(text, i + 2);
            }
            if (text[i..].StartsWith("/" + close, StringComparison.Ordinal))
            {
                selfClosing = true;
                i += 1 + close.Length;
                break;
            }
            if (text[i..].StartsWith(close, StringComparison.Ordinal))
            {
                i += close.Length;
                break;
            }
            if (i >= text.Length || !TryReadValue(text, ref i, close, out var value, out var bare))
            {
                return false;
            }
            if (bare && i < text.Length && text[i] == '=')
            {
                i++;
                if (!TryReadValue(text, ref i, close, out var namedValue, out _))
                {
                    return false;
                }
                named[value] = namedValue;
            }
            else
            {
                positional.Add(value);
            }
        }
        length = i;
        shortcode = new Shortcode(name, closing, selfClosing, comment, positional.ToImmutable(), named.ToImmutable(), text[..i].ToString());
        return true;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>A "quoted" (backslash escapes), `raw` or bare value; <paramref name="bare"/> says it was unquoted (so may be a key).</summary>
    private static bool TryReadValue(ReadOnlySpan<char> text, ref int i, string close, out string value, out bool bare)
    {
        value = "";
        bare = false;
        if (i >= text.Length)
        {
            return false;
        }
        if (text[i] is '"' or '`')
        {
            var quote = text[i];
            var builder = new StringBuilder();
            for (i++; i < text.Length; i++)
            {
                if (text[i] == quote)
                {
                    i++;
                    value = builder.ToString();
                    return true;
                }
                if (quote == '"' && text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }
                builder.Append(text[i]);
            }
            return false;
        }
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '=' && !text[i..].StartsWith(close, StringComparison.Ordinal)
            && !text[i..].StartsWith("/" + close, StringComparison.Ordinal) && !text[i..].StartsWith("*/", StringComparison.Ordinal))
        {
            i++;
        }
        bare = true;
        value = text[start..i].ToString();
        return i > start;
    }
}
