using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// Python: keywords, strings with their prefixes (raw, bytes, triple-quoted, f-strings whose replacement
/// fields are lexed as code), comments, decorators, numbers, the names that <c>def</c> and <c>class</c>
/// define, builtins and the standard exceptions.
/// </summary>
internal sealed class PythonLexer
{
    // f-strings nested deeper than this are lexed as plain strings, so the stack stays small on any input.
    private const int MaxDepth = 8;

    private static readonly WordSet Keywords = WordSet.Of("""
        and as assert async await break class continue def del elif else except finally for from global if import
        in is lambda nonlocal not or pass raise return try while with yield
        """);

    private static readonly WordSet Literals = WordSet.Of("True False None");

    private static readonly WordSet Builtins = WordSet.Of("""
        abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
        delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help
        hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord
        pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type
        vars zip __import__ NotImplemented Ellipsis
        """);

    private static readonly WordSet Exceptions = WordSet.Of("""
        BaseException Exception ArithmeticError AssertionError AttributeError BlockingIOError BrokenPipeError
        BufferError ConnectionError ConnectionRefusedError ConnectionResetError EOFError FileExistsError
        FileNotFoundError FloatingPointError ImportError IndentationError IndexError InterruptedError
        IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError
        NotADirectoryError NotImplementedError OSError OverflowError PermissionError ProcessLookupError
        RecursionError ReferenceError RuntimeError StopIteration StopAsyncIteration SyntaxError SystemError
        SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError
        UnicodeError ValueError ZeroDivisionError Warning DeprecationWarning UserWarning
        """);

    private static readonly SearchValues<char> Operators = SearchValues.Create("+-*/%<>=!&|^~@");
    private static readonly SearchValues<char> StringPrefixes = SearchValues.Create("rRbBuUfFtT");
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create("'\\\n");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"\\\n");
    private static readonly SearchValues<char> SingleQuotedFStops = SearchValues.Create("'\\\n{}");
    private static readonly SearchValues<char> DoubleQuotedFStops = SearchValues.Create("\"\\\n{}");

    private readonly Scanner _s;
    private Expect _expect;

    private PythonLexer(Scanner scanner) => _s = scanner;

    private enum Expect
    {
        None,
        FunctionName,
        ClassName,
    }

    public static void Lex(Scanner scanner) => new PythonLexer(scanner).Code(0, Hole.None);

    private void Code(int depth, Hole field)
    {
        int nesting = 0;
        _s.RunUntil(() => Step(depth, field, ref nesting));
    }

    // One token. True at the end of a replacement field: '}', a ':' format spec, a '!' conversion, or a line break.
    private bool Step(int depth, Hole field, ref int nesting)
    {
        int start = _s.Position;
        char c = _s.Current;
        char next = _s.Peek();
        if (field != Hole.None && nesting == 0
            && (c == '}' || (c is ':' or '!' && next != '=') || (c == '\n' && field == Hole.SingleLine)))
        {
            return true;
        }
        switch (c)
        {
            case '\n' or ' ' or '\t' or '\r' or '\f':
                _s.Advance();
                break;
            case '#':
                _s.SkipToEndOfLine();
                _s.Emit(TokenKind.Comment, start);
                break;
            case '\\':
                _s.Advance(2);
                break;
            case '\'' or '"':
                String(start, depth);
                break;
            case '@' when _s.IsFirstOnLine(start):
                _s.Advance();
                _s.SkipWhile(static c => Scanner.IsIdentifierPart(c) || c == '.');
                _s.Emit(TokenKind.Attribute, start);
                break;
            case '(' or '[' or '{':
                nesting++;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ')' or ']' or '}':
                nesting = Math.Max(0, nesting - 1);
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ':' when next == '=':
                _s.Token(TokenKind.Operator, 2);
                break;
            case ',' or ':' or ';':
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '.' when !char.IsAsciiDigit(next):
                _s.Token(TokenKind.Punctuation, 1);
                break;
            default:
                if (!_s.NumberOrOperator(Operators) && _s.SkipIdentifier())
                {
                    Word(start, depth);
                }
                break;
        }
        return false;
    }

    private void Word(int start, int depth)
    {
        var word = _s.Span(start);
        if (word.Length <= 2 && !word.ContainsAnyExcept(StringPrefixes) && _s.Current is '\'' or '"')
        {
            String(start, depth);
            return;
        }
        var expect = _expect;
        _expect = Expect.None;
        TokenKind kind;
        if (expect != Expect.None)
        {
            kind = expect == Expect.FunctionName ? TokenKind.Function : TokenKind.Type;
        }
        else if (Keywords.Contains(word) || IsSoftKeyword(word, start))
        {
            kind = TokenKind.Keyword;
            _expect = word is "def" ? Expect.FunctionName : word is "class" ? Expect.ClassName : Expect.None;
        }
        else if (Literals.Contains(word) || (Builtins.Contains(word) && _s.CharAt(start - 1) != '.'))
        {
            kind = TokenKind.Builtin;
        }
        else if (Exceptions.Contains(word))
        {
            kind = TokenKind.Type;
        }
        else
        {
            kind = _s.Current == '(' ? TokenKind.Function : TokenKind.Plain;
        }
        _s.Emit(kind, start);
    }

    // "match", "case" and "type" are keywords only where they start a statement: "match command:" and
    // "type Point = …", not "match(x)", "match = 1" or "type(x)".
    private bool IsSoftKeyword(ReadOnlySpan<char> word, int start)
    {
        if (word is not ("match" or "case" or "type") || _s.Current == '(' || !_s.IsFirstOnLine(start))
        {
            return false;
        }
        int next = _s.NextNonSpace(_s.Position);
        char following = _s.CharAt(next);
        if (word is "type")
        {
            return next > _s.Position && Scanner.IsIdentifierStart(following);
        }
        return next < _s.Text.Length && following is not ('=' or '.' or ',' or ')' or ':' or ';' or '\n' or '\r');
    }

    // A string from its prefix (r, b, f, rb, …) at start: one or three quotes, escapes, and in f-strings the
    // replacement fields, whose code is lexed as code.
    private void String(int start, int depth)
    {
        var prefix = _s.Span(start);
        bool formatted = prefix.ContainsAny('f', 'F') || prefix.ContainsAny('t', 'T');
        formatted &= depth < MaxDepth;
        char quote = _s.Current;
        bool triple = _s.Peek() == quote && _s.Peek(2) == quote;
        var stops = (quote, formatted) switch
        {
            ('\'', false) => SingleQuotedStops,
            ('\'', true) => SingleQuotedFStops,
            (_, false) => DoubleQuotedStops,
            _ => DoubleQuotedFStops,
        };
        _s.Advance(triple ? 3 : 1);
        int segment = start;
        while (true)
        {
            _s.SkipTo(stops);
            if (_s.AtEnd)
            {
                break;
            }
            char c = _s.Current;
            if (c == quote)
            {
                bool closes = !triple || (_s.Peek() == quote && _s.Peek(2) == quote);
                _s.Advance(closes && triple ? 3 : 1);
                if (closes)
                {
                    break;
                }
            }
            else if (c == '\n')
            {
                if (!triple)
                {
                    break;
                }
                _s.Advance();
            }
            else if (c == '\\')
            {
                _s.Advance(formatted && _s.Peek() == '{' ? 1 : 2);
            }
            else if (c == '{' && _s.Peek() != '{')
            {
                _s.Emit(TokenKind.String, segment);
                ReplacementField(depth, quote, triple);
                segment = _s.Position;
            }
            else
            {
                // "{{", "}}" or a stray "}".
                _s.Advance(_s.Peek() == c ? 2 : 1);
            }
        }
        _s.Emit(TokenKind.String, segment);
    }

    // {expression!r:format}: the braces are punctuation, the expression code, the format spec a string.
    private void ReplacementField(int depth, char quote, bool triple)
    {
        _s.Token(TokenKind.Punctuation, 1);
        Code(depth + 1, triple ? Hole.MultiLine : Hole.SingleLine);
        if (_s.Current == '!')
        {
            _s.Token(TokenKind.Operator, Scanner.IsIdentifierStart(_s.Peek()) ? 2 : 1);
        }
        if (_s.Current == ':')
        {
            int start = _s.Position;
            _s.Advance();
            while (!_s.AtEnd && _s.Current != '}' && _s.Current != quote && (triple || _s.Current != '\n'))
            {
                if (_s.Current == '{' && depth + 1 < MaxDepth)
                {
                    _s.Emit(TokenKind.String, start);
                    ReplacementField(depth + 1, quote, triple);
                    start = _s.Position;
                }
                else
                {
                    _s.Advance();
                }
            }
            _s.Emit(TokenKind.String, start);
        }
        if (_s.Current == '}')
        {
            _s.Token(TokenKind.Punctuation, 1);
        }
    }
}
