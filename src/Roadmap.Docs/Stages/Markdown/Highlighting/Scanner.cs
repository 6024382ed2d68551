using System.Buffers;
using System.Text;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// A cursor over the code being highlighted that writes the HTML as it goes. A lexer moves
/// <see cref="Position"/> forward and calls <see cref="Emit(TokenKind, int)"/> for each token;
/// whatever no token covers is written as plain text, so the output holds every input character exactly once.
/// </summary>
/// <remarks>
/// Reads past either end return '\0' instead of throwing, so a lexer can peek freely; lexers still test
/// <see cref="AtEnd"/> to stop, since '\0' may also be in the input.
/// </remarks>
internal sealed class Scanner
{
    private static readonly SearchValues<char> HtmlSpecial = SearchValues.Create("&<>\"'");

    /// <summary>ASCII letters, digits and '_': the characters of most identifiers, skipped in bulk.</summary>
    public static readonly SearchValues<char> AsciiWordChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private readonly StringBuilder _html;

    // Text[.._written] has been handed out: written to _html, or held in the pending run that starts at _pendingStart.
    private int _written;
    private int _pendingStart;
    private TokenKind _pendingKind;
    private int _position;

    public Scanner(string text)
    {
        Text = text;
        _html = new StringBuilder(text.Length + (text.Length / 2) + 16);
    }

    public string Text { get; }

    public int Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, Text.Length);
    }

    public bool AtEnd => _position >= Text.Length;

    public char Current => CharAt(_position);

    public char Peek(int offset = 1) => CharAt(_position + offset);

    public char CharAt(int index) => (uint)index < (uint)Text.Length ? Text[index] : '\0';

    public bool At(string value) => Text.AsSpan(_position).StartsWith(value, StringComparison.Ordinal);

    /// <summary>The text from <paramref name="start"/> to the current position.</summary>
    public ReadOnlySpan<char> Span(int start) => Text.AsSpan(start, Math.Max(0, _position - start));

    public void Advance(int count = 1) => Position = _position + count;

    /// <summary>
    /// Calls <paramref name="step"/> until the end, or until it returns true. A step that consumes nothing is
    /// followed by a move of one character, so no lexer can loop forever on input it did not expect.
    /// </summary>
    public void RunUntil(Func<bool> step)
    {
        while (_position < Text.Length)
        {
            int before = _position;
            if (step())
            {
                return;
            }
            if (_position == before)
            {
                _position++;
            }
        }
    }

    /// <summary>Calls <paramref name="step"/> until the end (see <see cref="RunUntil"/>).</summary>
    public void Run(Action step) => RunUntil(() =>
    {
        step();
        return false;
    });

    public void SkipWhile(Func<char, bool> predicate)
    {
        while (_position < Text.Length && predicate(Text[_position]))
        {
            _position++;
        }
    }

    /// <summary>Skips the characters in <paramref name="chars"/>.</summary>
    public void SkipWhile(SearchValues<char> chars)
    {
        int index = Text.AsSpan(_position).IndexOfAnyExcept(chars);
        _position = index < 0 ? Text.Length : _position + index;
    }

    /// <summary>Moves to the next of <paramref name="stops"/>, or to the end.</summary>
    public void SkipTo(SearchValues<char> stops)
    {
        int index = Text.AsSpan(_position).IndexOfAny(stops);
        _position = index < 0 ? Text.Length : _position + index;
    }

    /// <summary>Skips spaces and tabs (not line breaks).</summary>
    public void SkipSpaces() => SkipWhile(IsSpace);

    /// <summary>Moves to the line break ending this line (not past it), or to the end.</summary>
    public void SkipToEndOfLine()
    {
        int index = Text.IndexOf('\n', _position);
        _position = index < 0 ? Text.Length : index;
    }

    /// <summary>Moves just past the next <paramref name="terminator"/>, or to the end when there is none.</summary>
    public bool SkipPast(string terminator)
    {
        int index = Text.IndexOf(terminator, _position, StringComparison.Ordinal);
        _position = index < 0 ? Text.Length : index + terminator.Length;
        return index >= 0;
    }

    /// <summary>
    /// Moves past a string literal whose opening <paramref name="quote"/> is at the position: past the closing
    /// quote, or, when the string is not closed, to the line break (single-line strings) or the end.
    /// </summary>
    /// <returns>True when the closing quote was found.</returns>
    public bool SkipQuoted(char quote, bool backslashEscapes = true, bool multiline = false, bool doubledQuoteEscapes = false)
    {
        _position++;
        while (_position < Text.Length)
        {
            int stop = backslashEscapes
                ? Text.AsSpan(_position).IndexOfAny(quote, '\\', '\n')
                : Text.AsSpan(_position).IndexOfAny(quote, '\n');
            if (stop < 0)
            {
                _position = Text.Length;
                return false;
            }
            _position += stop;
            char c = Text[_position];
            if (c == quote)
            {
                _position++;
                if (doubledQuoteEscapes && CharAt(_position) == quote)
                {
                    _position++;
                    continue;
                }
                return true;
            }
            if (c == '\n' && !multiline)
            {
                return false;
            }
            _position += c == '\\' ? 2 : 1;
        }
        _position = Math.Min(_position, Text.Length);
        return false;
    }

    /// <summary>
    /// Moves past a number if one starts here: digits, letters and '_' (so 0x1F, 1_000, 10ms, 2.5e-3f and 1h30m
    /// are one token), a '.' followed by a digit, and a sign after an exponent 'e'.
    /// </summary>
    public bool SkipNumber()
    {
        if (!IsDigit(Current) && !(Current == '.' && IsDigit(Peek())))
        {
            return false;
        }
        bool hex = Current == '0' && (Peek() is 'x' or 'X');
        while (_position < Text.Length)
        {
            char c = Text[_position];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                _position++;
                if (!hex && c is 'e' or 'E' && CharAt(_position) is '+' or '-' && IsDigit(CharAt(_position + 1)))
                {
                    _position++;
                }
            }
            else if (c == '.' && IsDigit(CharAt(_position + 1)))
            {
                _position++;
            }
            else
            {
                break;
            }
        }
        return true;
    }

    /// <summary>Writes a number, or an operator of one character from <paramref name="operators"/>, if one starts here.</summary>
    public bool NumberOrOperator(SearchValues<char> operators)
    {
        int start = _position;
        if (SkipNumber())
        {
            Emit(TokenKind.Number, start);
            return true;
        }
        if (_position < Text.Length && operators.Contains(Text[_position]))
        {
            Token(TokenKind.Operator, 1);
            return true;
        }
        return false;
    }

    /// <summary>Moves past an identifier (a letter or '_', then letters, digits and '_') if one starts here.</summary>
    public bool SkipIdentifier()
    {
        if (!IsIdentifierStart(Current))
        {
            return false;
        }
        while (true)
        {
            SkipWhile(AsciiWordChars);
            if (_position >= Text.Length || !IsIdentifierPart(Text[_position]))
            {
                return true;
            }
            _position++;
        }
    }

    /// <summary>The index of the first character at or after <paramref name="index"/> that is not a space or tab.</summary>
    public int NextNonSpace(int index)
    {
        while (IsSpace(CharAt(index)))
        {
            index++;
        }
        return index;
    }

    /// <summary>True when only spaces and tabs stand between the start of the line and <paramref name="index"/>.</summary>
    public bool IsFirstOnLine(int index)
    {
        while (index > 0 && IsSpace(Text[index - 1]))
        {
            index--;
        }
        return index == 0 || Text[index - 1] == '\n';
    }

    /// <summary>Writes the text from <paramref name="start"/> to the position as one token of <paramref name="kind"/>.</summary>
    public void Emit(TokenKind kind, int start)
    {
        // Never write a character twice: a token that reaches back into written text is cut at its start.
        start = Math.Max(start, _written);
        if (_position <= start)
        {
            return;
        }
        Add(TokenKind.Plain, start);
        Add(kind, _position);
    }

    /// <summary>Moves past <paramref name="length"/> characters and writes them as one token.</summary>
    public void Token(TokenKind kind, int length)
    {
        int start = _position;
        Advance(length);
        Emit(kind, start);
    }

    /// <summary>Writes what is left as plain text and returns the HTML.</summary>
    public string ToHtml()
    {
        Add(TokenKind.Plain, Text.Length);
        Write(_pendingKind, _pendingStart, _written);
        return _html.ToString();
    }

    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    private static bool IsSpace(char c) => c is ' ' or '\t';

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    // Hands Text[_written..end] out as kind, joining it to the pending run when that has the same kind.
    private void Add(TokenKind kind, int end)
    {
        if (end <= _written)
        {
            return;
        }
        if (kind != _pendingKind)
        {
            Write(_pendingKind, _pendingStart, _written);
            _pendingKind = kind;
            _pendingStart = _written;
        }
        _written = end;
    }

    // A token is wrapped line by line, so that no span holds a line break and every line of the HTML stands alone.
    private void Write(TokenKind kind, int start, int end)
    {
        string? className = kind.ClassName();
        if (className is null)
        {
            Escape(start, end);
            return;
        }
        while (start < end)
        {
            int lineBreak = Text.IndexOf('\n', start, end - start);
            int contentEnd = lineBreak < 0 ? end : lineBreak;
            // The '\r' of a "\r\n" line break stays outside the span too.
            if (contentEnd > start && Text[contentEnd - 1] == '\r' && CharAt(contentEnd) == '\n')
            {
                contentEnd--;
            }
            if (contentEnd > start)
            {
                _html.Append("<span class=\"").Append(className).Append("\">");
                Escape(start, contentEnd);
                _html.Append("</span>");
            }
            int next = lineBreak < 0 ? end : lineBreak + 1;
            Escape(contentEnd, next);
            start = next;
        }
    }

    private void Escape(int start, int end)
    {
        while (start < end)
        {
            int special = Text.AsSpan(start, end - start).IndexOfAny(HtmlSpecial);
            if (special < 0)
            {
                _html.Append(Text, start, end - start);
                return;
            }
            _html.Append(Text, start, special);
            start += special;
            _html.Append(Text[start] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            start++;
        }
    }
}
