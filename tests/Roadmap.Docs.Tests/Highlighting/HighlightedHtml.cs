using System.Buffers;
using System.Text;

namespace Roadmap.Docs.Tests.Highlighting;

/// <summary>
/// Reads the highlighter's output strictly: only text and <c>&lt;span class="tok-x"&gt;…&lt;/span&gt;</c> (not
/// nested, not empty, no line break inside), and text escaped exactly (the five entities, no raw &lt; &gt; " ' &amp;).
/// </summary>
public static class HighlightedHtml
{
    private static readonly HashSet<string> Classes =
        ["tok-k", "tok-s", "tok-c", "tok-n", "tok-f", "tok-v", "tok-o", "tok-p", "tok-t", "tok-a", "tok-b"];

    private static readonly (string Name, char Value)[] Entities =
        [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];

    private const string Open = "<span class=\"";
    private const string Close = "</span>";

    /// <summary>The tokens of <paramref name="html"/>, each with its class (null for plain text) and unescaped text.</summary>
    public static IReadOnlyList<(string? Class, string Text)> Parse(string html)
    {
        var tokens = new List<(string?, string)>();
        var text = new StringBuilder();
        Read(html, text, (className, tokenText) => tokens.Add((className, tokenText.ToString())));
        return tokens;
    }

    /// <summary>Asserts that <paramref name="html"/> is well formed and that its text is exactly <paramref name="code"/>.</summary>
    public static void AssertHoldsExactly(string code, string html)
    {
        var text = new StringBuilder(code.Length);
        Read(html, text, onToken: null);
        if (!text.Equals(code.AsSpan()))
        {
            string actual = text.ToString();
            int at = 0;
            while (at < actual.Length && at < code.Length && actual[at] == code[at])
            {
                at++;
            }
            Assert.Fail($"Text differs from the input at {at} (input {code.Length} chars, text {actual.Length}).");
        }
    }

    // Checks the markup and appends the text of html to text; with onToken, each token's text is reported
    // (and cleared) in turn. One pass with bulk copies, so that checking megabytes is quick.
    private static void Read(string html, StringBuilder text, Action<string?, StringBuilder>? onToken)
    {
        int i = 0;
        while (i < html.Length)
        {
            string? className = null;
            int end;
            if (html.AsSpan(i).StartsWith(Open, StringComparison.Ordinal))
            {
                int classEnd = html.IndexOf('"', i + Open.Length);
                if (classEnd < 0 || !html.AsSpan(classEnd).StartsWith("\">", StringComparison.Ordinal))
                {
                    Assert.Fail($"Bad span at {i}");
                }
                className = html[(i + Open.Length)..classEnd];
                if (!Classes.Contains(className))
                {
                    Assert.Fail($"Unknown class {className} at {i}");
                }
                int contentStart = classEnd + 2;
                end = html.IndexOf(Close, contentStart, StringComparison.Ordinal);
                if (end <= contentStart)
                {
                    Assert.Fail($"Empty or unclosed span at {i}");
                }
                if (html.AsSpan(contentStart, end - contentStart).Contains('\n'))
                {
                    Assert.Fail($"Line break in the span at {i}");
                }
                Unescape(html, contentStart, end, text);
                end += Close.Length;
            }
            else
            {
                if (html[i] == '<')
                {
                    Assert.Fail($"Unexpected markup at {i}: {html.Substring(i, Math.Min(30, html.Length - i))}");
                }
                end = html.IndexOf('<', i);
                end = end < 0 ? html.Length : end;
                Unescape(html, i, end, text);
            }
            if (onToken is not null)
            {
                onToken(className, text);
                text.Clear();
            }
            i = end;
        }
    }

    private static readonly SearchValues<char> Markup = SearchValues.Create("<>\"'&");

    // Appends the text of html[start..end]; bulk copies between entities keep this fast on megabytes.
    private static void Unescape(string html, int start, int end, StringBuilder text)
    {
        while (start < end)
        {
            int special = html.AsSpan(start, end - start).IndexOfAny(Markup);
            if (special < 0)
            {
                text.Append(html, start, end - start);
                return;
            }
            text.Append(html, start, special);
            start += special;
            char c = html[start];
            if (c != '&')
            {
                Assert.Fail($"Unescaped {c} at {start}");
            }
            int entity = Array.FindIndex(Entities, e => html.AsSpan(start, end - start).StartsWith(e.Name, StringComparison.Ordinal));
            if (entity < 0)
            {
                Assert.Fail($"Unknown entity at {start}");
            }
            text.Append(Entities[entity].Value);
            start += Entities[entity].Name.Length;
        }
    }
}
