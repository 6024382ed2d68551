using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// YAML: keys, scalars (strings, numbers, booleans and null), comments, anchors and aliases, tags,
/// "- " list markers, flow collections, document markers and block scalars (<c>|</c> and <c>&gt;</c>).
/// </summary>
/// <remarks>
/// Unquoted values are strings (<c>tok-s</c>) unless they read as a number or a literal; a scalar followed by
/// ": " is a key. A block scalar's body is every following line indented deeper than the key or "- " it
/// belongs to.
/// </remarks>
internal sealed class YamlLexer
{
    private static readonly WordSet Literals = WordSet.IgnoreCase("true false yes no on off null ~");
    private static readonly SearchValues<char> PlainStops = SearchValues.Create(":#\r\n,[]{}");
    private static readonly SearchValues<char> NameEnd = SearchValues.Create(" \t\r\n,[]{}");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly Scanner _s;
    private int _lineStart;
    private int _flow;

    // The column of the node a block scalar belongs to: the line's indentation, or its last key or "- ".
    private int _nodeColumn;

    // Set by a block scalar indicator: the body starts on the next line and must be indented deeper than this.
    private int _blockParent = -1;

    private YamlLexer(Scanner scanner) => _s = scanner;

    public static void Lex(Scanner scanner)
    {
        var lexer = new YamlLexer(scanner);
        lexer.StartLine();
        scanner.Run(lexer.Step);
    }

    private void Step()
    {
        int start = _s.Position;
        char c = _s.Current;
        switch (c)
        {
            case '\n':
                if (_blockParent >= 0)
                {
                    BlockScalarBody();
                }
                _s.Advance();
                StartLine();
                break;
            case ' ' or '\t' or '\r':
                _s.Advance();
                break;
            case '#' when start == _lineStart || _s.CharAt(start - 1) is ' ' or '\t':
                _s.SkipToEndOfLine();
                _s.Emit(TokenKind.Comment, start);
                break;
            case '[' or '{':
                _flow++;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ']' or '}':
                _flow = Math.Max(0, _flow - 1);
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ',' when _flow > 0:
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '-' or '?' or ':' when IsSeparator(start + 1):
                if (c == '-')
                {
                    _nodeColumn = start - _lineStart;
                }
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '"':
                _s.SkipQuoted('"', backslashEscapes: true, multiline: true);
                Quoted(start);
                break;
            case '\'':
                _s.SkipQuoted('\'', backslashEscapes: false, multiline: true, doubledQuoteEscapes: true);
                Quoted(start);
                break;
            case '&' or '*' or '!':
                // Anchors and aliases name a node (variables); tags give its type.
                _s.Advance();
                _s.SkipTo(NameEnd);
                _s.Emit(c == '!' ? TokenKind.Type : TokenKind.Variable, start);
                break;
            case '|' or '>' when _flow == 0:
                _s.Advance();
                _s.SkipWhile(static c => c is '-' or '+' || char.IsAsciiDigit(c));
                _s.Emit(TokenKind.Punctuation, start);
                if (IsSeparator(_s.Position))
                {
                    _blockParent = _nodeColumn;
                }
                break;
            case '%' when start == _lineStart:
                _s.SkipToEndOfLine();
                _s.Emit(TokenKind.Keyword, start);
                break;
            default:
                Plain(start);
                break;
        }
    }

    // True for white space, a line break or the end, and in a flow collection also for , [ ] { }.
    private bool IsSeparator(int index)
    {
        char c = _s.CharAt(index);
        return index >= _s.Text.Length || c is ' ' or '\t' or '\r' or '\n' || (_flow > 0 && c is ',' or '[' or ']' or '{' or '}');
    }

    private void StartLine()
    {
        _lineStart = _s.Position;
        _nodeColumn = _s.NextNonSpace(_lineStart) - _lineStart;
        if ((_s.At("---") || _s.At("...")) && IsSeparator(_lineStart + 3))
        {
            _flow = 0;
            _s.Token(TokenKind.Punctuation, 3);
        }
    }

    private void Quoted(int start)
    {
        int next = _s.NextNonSpace(_s.Position);
        bool key = _s.CharAt(next) == ':' && (_flow > 0 || IsSeparator(next + 1));
        Emit(key, start);
    }

    // A plain (unquoted) scalar: up to ": ", " #", a line break or, in a flow collection, a , [ ] { }.
    private void Plain(int start)
    {
        while (true)
        {
            _s.SkipTo(PlainStops);
            int at = _s.Position;
            char c = _s.Current;
            bool end = _s.AtEnd || c is '\n'
                || (c == '\r' && _s.Peek() == '\n')
                || (c == ':' && IsSeparator(at + 1))
                || (c == '#' && _s.CharAt(at - 1) is ' ' or '\t')
                || (_flow > 0 && c is ',' or '[' or ']' or '{' or '}');
            if (end)
            {
                break;
            }
            _s.Advance();
        }
        bool key = _s.Current == ':' && !_s.AtEnd;
        int last = _s.Position;
        while (last > start && _s.CharAt(last - 1) is ' ' or '\t' or '\r')
        {
            last--;
        }
        _s.Position = last;
        Emit(key, start);
    }

    private void Emit(bool key, int start)
    {
        if (key)
        {
            _nodeColumn = start - _lineStart;
            _s.Emit(TokenKind.Attribute, start);
            return;
        }
        var value = _s.Span(start);
        var kind = value.Length > 0 && value[0] is '"' or '\'' ? TokenKind.String
            : Literals.Contains(value) ? TokenKind.Builtin
            : IsNumber(value) ? TokenKind.Number
            : TokenKind.String;
        _s.Emit(kind, start);
    }

    // Integers, decimals with an exponent, 0x/0o forms, .inf and .nan, with an optional sign.
    private static bool IsNumber(ReadOnlySpan<char> value)
    {
        if (value.Length > 0 && value[0] is '-' or '+')
        {
            value = value[1..];
        }
        if (value.Equals(".inf", StringComparison.OrdinalIgnoreCase) || value.Equals(".nan", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (value.Length > 2 && value[0] == '0' && value[1] is 'x' or 'o')
        {
            var digits = value[2..];
            return value[1] == 'x' ? !digits.ContainsAnyExcept(HexDigits) : !digits.ContainsAnyExceptInRange('0', '7');
        }
        int i = 0;
        int digitCount = 0;
        for (; i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '_'); i++)
        {
            digitCount++;
        }
        if (i < value.Length && value[i] == '.')
        {
            for (i++; i < value.Length && char.IsAsciiDigit(value[i]); i++)
            {
                digitCount++;
            }
        }
        if (digitCount > 0 && i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '-' or '+')
            {
                i++;
            }
            int exponentStart = i;
            for (; i < value.Length && char.IsAsciiDigit(value[i]); i++)
            {
            }
            if (i == exponentStart)
            {
                return false;
            }
        }
        return digitCount > 0 && i == value.Length;
    }

    // At the line break after "key: |": the lines indented deeper than the key, and blank lines among them.
    // Leaves the position on the line break that ends the body.
    private void BlockScalarBody()
    {
        int parent = _blockParent;
        _blockParent = -1;
        int indent = -1;
        while (_s.Current == '\n' && !_s.AtEnd)
        {
            int lineBegin = _s.Position + 1;
            int content = lineBegin;
            while (_s.CharAt(content) == ' ')
            {
                content++;
            }
            char first = _s.CharAt(content);
            bool blank = content >= _s.Text.Length || first == '\n' || (first == '\r' && _s.CharAt(content + 1) == '\n');
            if (!blank)
            {
                int column = content - lineBegin;
                if (column <= parent || (indent >= 0 && column < indent))
                {
                    return;
                }
                indent = indent < 0 ? column : indent;
            }
            _s.Position = content;
            _s.SkipToEndOfLine();
            _s.Emit(TokenKind.String, content);
        }
    }
}
