using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// C#: keywords and contextual keywords, every string form (regular, verbatim <c>@"…"</c>, interpolated
/// <c>$"…"</c> with its holes lexed as code, raw <c>"""…"""</c> with any number of <c>$</c>), characters,
/// comments, preprocessor directives, numbers, attributes, method names, and type names where the syntax
/// says a type comes (after <c>new</c>, <c>class</c>, <c>struct</c>, <c>interface</c>, <c>enum</c>,
/// <c>record</c>, <c>is</c>, <c>as</c>, and in <c>typeof(…)</c> and <c>catch (…)</c>).
/// </summary>
internal sealed class CSharpLexer
{
    // Interpolated strings nested deeper than this are lexed as plain strings, so the stack stays small.
    private const int MaxDepth = 8;

    private static readonly WordSet Keywords = WordSet.Of("""
        abstract as base bool break byte case catch char checked class const continue decimal default delegate do
        double else enum event explicit extern finally fixed float for foreach goto if implicit in int interface
        internal is lock long namespace new object operator out override params private protected public readonly
        ref return sbyte sealed short sizeof stackalloc static string struct switch this throw try typeof uint ulong
        unchecked unsafe ushort using virtual void volatile while
        async await dynamic nameof partial required when where with and or not global unmanaged notnull nint nuint
        select orderby ascending descending join equals let into
        """);

    private static readonly WordSet Literals = WordSet.Of("true false null");

    // Keywords after which a type name comes (a class being declared, the type of new, is and as).
    private static readonly WordSet TypeIntroducers = WordSet.Of("new class struct interface enum record is as");

    // Keywords whose parenthesis holds a type.
    private static readonly WordSet TypeInParentheses = WordSet.Of("typeof sizeof default catch");

    private static readonly SearchValues<char> Operators = SearchValues.Create("+-*/%<>=!&|^~?");
    private static readonly SearchValues<char> RegularStops = SearchValues.Create("\"\\\n");
    private static readonly SearchValues<char> RegularInterpolatedStops = SearchValues.Create("\"\\\n{}");
    private static readonly SearchValues<char> VerbatimStops = SearchValues.Create("\"");
    private static readonly SearchValues<char> VerbatimInterpolatedStops = SearchValues.Create("\"{}");
    private static readonly SearchValues<char> FormatStops = SearchValues.Create("}\"\n");

    private readonly Scanner _s;

    // A type name comes next (set by TypeIntroducers), or after the next '(' (TypeInParentheses).
    private bool _typeNext;
    private bool _typeAfterParenthesis;

    // Inside [Attribute, …] on a line of its own: the bracket depth, parentheses, and whether a name comes next.
    private int _attributeBrackets;
    private int _attributeParentheses;
    private bool _attributeNameNext;

    private CSharpLexer(Scanner scanner) => _s = scanner;

    public static void Lex(Scanner scanner) => new CSharpLexer(scanner).Code(0, Hole.None);

    private void Code(int depth, Hole hole)
    {
        int nesting = 0;
        _s.RunUntil(() => Step(depth, hole, ref nesting));
    }

    // One token. True at the end of a hole: its '}', a ':' format, or a line break in a single-line string.
    private bool Step(int depth, Hole hole, ref int nesting)
    {
        int start = _s.Position;
        char c = _s.Current;
        char next = _s.Peek();
        if (hole != Hole.None && nesting == 0
            && (c == '}' || (c == ':' && next != ':' && _s.CharAt(start - 1) != ':') || (c == '\n' && hole == Hole.SingleLine)))
        {
            return true;
        }
        if (c is ' ' or '\t' or '\r' or '\n' or '\f')
        {
            _s.Advance();
            return false;
        }
        if (c == '/' && next is '/' or '*')
        {
            if (next == '/')
            {
                _s.SkipToEndOfLine();
            }
            else
            {
                _s.Advance(2);
                _s.SkipPast("*/");
            }
            _s.Emit(TokenKind.Comment, start);
            return false;
        }

        // What a keyword expected holds for the next token only.
        bool typeNext = _typeNext;
        bool typeAfterParenthesis = _typeAfterParenthesis;
        _typeNext = false;
        _typeAfterParenthesis = false;
        switch (c)
        {
            case '#' when hole == Hole.None && _s.IsFirstOnLine(start):
                // A directive: #if, #region, #nullable enable; the rest of the line is plain.
                _s.Advance();
                _s.SkipWhile(char.IsAsciiLetter);
                _s.Emit(TokenKind.Keyword, start);
                _s.SkipToEndOfLine();
                break;
            case '"' or '@' or '$':
                if (!String(depth))
                {
                    // A verbatim identifier (@class) or a stray '$': never a keyword.
                    _s.Advance();
                    _s.SkipWhile(static c => c == '$');
                    _s.SkipIdentifier();
                }
                break;
            case '\'':
                _s.SkipQuoted('\'');
                _s.Emit(TokenKind.String, start);
                break;
            case '[':
                nesting++;
                if (_attributeBrackets > 0)
                {
                    _attributeBrackets++;
                }
                else if (hole == Hole.None && Scanner.IsIdentifierStart(next) && _s.IsFirstOnLine(start))
                {
                    _attributeBrackets = 1;
                    _attributeParentheses = 0;
                    _attributeNameNext = true;
                }
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ']':
                nesting = Math.Max(0, nesting - 1);
                _attributeBrackets = Math.Max(0, _attributeBrackets - 1);
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '(' or '{':
                nesting++;
                _attributeParentheses += c == '(' && _attributeBrackets > 0 ? 1 : 0;
                _typeNext = c == '(' && typeAfterParenthesis;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ')' or '}':
                nesting = Math.Max(0, nesting - 1);
                _attributeParentheses -= c == ')' && _attributeParentheses > 0 ? 1 : 0;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ',':
                _attributeNameNext = _attributeBrackets == 1 && _attributeParentheses == 0;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ';' or ':' or '.' when !char.IsAsciiDigit(next) || c != '.':
                _s.Token(TokenKind.Punctuation, 1);
                break;
            default:
                if (!_s.NumberOrOperator(Operators) && _s.SkipIdentifier())
                {
                    Word(start, typeNext);
                }
                break;
        }
        return false;
    }

    private void Word(int start, bool typeNext)
    {
        var word = _s.Span(start);
        if (_attributeNameNext)
        {
            if (_s.Current == ':' && _s.Peek() != ':')
            {
                // A target, as in [assembly: …] or [return: …].
                _s.Emit(TokenKind.Keyword, start);
                return;
            }
            _attributeNameNext = false;
            DottedName(start, TokenKind.Attribute);
            return;
        }
        bool keyword = Keywords.Contains(word) || IsContextualKeyword(word);
        bool literal = Literals.Contains(word);
        if (typeNext && !keyword && !literal)
        {
            TypeName(start);
            return;
        }
        TokenKind kind;
        if (literal)
        {
            kind = TokenKind.Builtin;
        }
        else if (keyword)
        {
            kind = TokenKind.Keyword;
            _typeNext = TypeIntroducers.Contains(word) || (word is "not" && typeNext);
            _typeAfterParenthesis = TypeInParentheses.Contains(word);
        }
        else
        {
            kind = _s.Current == '(' ? TokenKind.Function : TokenKind.Plain;
        }
        _s.Emit(kind, start);
    }

    // Contextual keywords that are common names too, decided by what follows them.
    private bool IsContextualKeyword(ReadOnlySpan<char> word)
    {
        int after = _s.Position;
        int next = _s.NextNonSpace(after);
        char following = _s.CharAt(next);
        bool spaced = next > after;
        switch (word)
        {
            case "var":
                return spaced && (Scanner.IsIdentifierStart(following) || following is '(' or '@');
            case "record":
                return spaced && Scanner.IsIdentifierStart(following);
            case "get" or "set" or "init" or "add" or "remove":
                return following is ';' or '{' || (following == '=' && _s.CharAt(next + 1) == '>');
            case "yield":
                return spaced && (IsWordAt(next, "return") || IsWordAt(next, "break"));
            case "from":
                // from x in …: a query.
                if (!spaced || !Scanner.IsIdentifierStart(following))
                {
                    return false;
                }
                int end = next;
                while (Scanner.IsIdentifierPart(_s.CharAt(end)))
                {
                    end++;
                }
                return IsWordAt(_s.NextNonSpace(end), "in");
            default:
                return false;
        }
    }

    private bool IsWordAt(int index, string word) =>
        _s.Text.AsSpan(Math.Min(index, _s.Text.Length)).StartsWith(word, StringComparison.Ordinal)
        && !Scanner.IsIdentifierPart(_s.CharAt(index + word.Length));

    // A type name from start (already read): dotted parts and generic arguments are types too.
    private void TypeName(int start)
    {
        DottedName(start, TokenKind.Type);
        if (_s.Current != '<')
        {
            return;
        }
        int angles = 0;
        while (!_s.AtEnd)
        {
            int part = _s.Position;
            char c = _s.Current;
            if (c is '<' or '>')
            {
                angles += c == '<' ? 1 : -1;
                _s.Token(TokenKind.Punctuation, 1);
                if (angles == 0)
                {
                    return;
                }
            }
            else if (c is ',' or '.' or '?' or '[' or ']')
            {
                _s.Token(TokenKind.Punctuation, 1);
            }
            else if (c is ' ' or '\t')
            {
                _s.Advance();
            }
            else if (_s.SkipIdentifier())
            {
                _s.Emit(Keywords.Contains(_s.Span(part)) ? TokenKind.Keyword : TokenKind.Type, part);
            }
            else
            {
                // Not a type argument list after all (a comparison, say): the main loop goes on from here.
                return;
            }
        }
    }

    // A name and its dotted parts (System.Text.Json), all of one kind.
    private void DottedName(int start, TokenKind kind)
    {
        while (_s.Current == '.' && Scanner.IsIdentifierStart(_s.Peek()))
        {
            _s.Advance();
            _s.SkipIdentifier();
        }
        _s.Emit(kind, start);
    }

    // A string literal at the position, in any of its forms; false when there is none (a verbatim identifier).
    private bool String(int depth)
    {
        int start = _s.Position;
        int at = start;
        bool verbatim = _s.CharAt(at) == '@';
        at += verbatim ? 1 : 0;
        int dollars = 0;
        while (_s.CharAt(at) == '$')
        {
            dollars++;
            at++;
        }
        if (!verbatim && _s.CharAt(at) == '@')
        {
            verbatim = true;
            at++;
        }
        if (_s.CharAt(at) != '"')
        {
            return false;
        }
        int quotes = 0;
        while (_s.CharAt(at + quotes) == '"')
        {
            quotes++;
        }
        _s.Position = at;
        bool interpolated = dollars > 0 && depth < MaxDepth;
        if (quotes >= 3 && !verbatim)
        {
            RawString(start, quotes, interpolated ? dollars : 0, depth);
        }
        else
        {
            QuotedString(start, verbatim, interpolated, depth);
        }
        return true;
    }

    private void QuotedString(int start, bool verbatim, bool interpolated, int depth)
    {
        var stops = (verbatim, interpolated) switch
        {
            (false, false) => RegularStops,
            (false, true) => RegularInterpolatedStops,
            (true, false) => VerbatimStops,
            _ => VerbatimInterpolatedStops,
        };
        _s.Advance();
        int segment = start;
        while (true)
        {
            _s.SkipTo(stops);
            if (_s.AtEnd)
            {
                break;
            }
            char c = _s.Current;
            char next = _s.Peek();
            if (c == '"')
            {
                // In a verbatim string "" is a quote.
                bool escaped = verbatim && next == '"';
                _s.Advance(escaped ? 2 : 1);
                if (!escaped)
                {
                    break;
                }
            }
            else if (c == '\\')
            {
                _s.Advance(2);
            }
            else if (c == '\n')
            {
                break;
            }
            else if (c == '{' && next != '{')
            {
                _s.Emit(TokenKind.String, segment);
                Interpolation(1, verbatim ? Hole.MultiLine : Hole.SingleLine, depth);
                segment = _s.Position;
            }
            else
            {
                // "{{", "}}" or a stray '}'.
                _s.Advance(next == c ? 2 : 1);
            }
        }
        _s.Emit(TokenKind.String, segment);
    }

    // """…""" with as many quotes as it opened with; with N dollars, N braces open a hole and fewer are text.
    private void RawString(int start, int quotes, int dollars, int depth)
    {
        _s.Advance(quotes);
        int segment = start;
        while (true)
        {
            _s.SkipTo(dollars > 0 ? VerbatimInterpolatedStops : VerbatimStops);
            if (_s.AtEnd)
            {
                break;
            }
            char c = _s.Current;
            int run = 1;
            while (_s.Peek(run) == c)
            {
                run++;
            }
            if (c == '"' && run >= quotes)
            {
                _s.Advance(run);
                break;
            }
            if (c == '{' && run >= dollars)
            {
                _s.Advance(run - dollars);
                _s.Emit(TokenKind.String, segment);
                Interpolation(dollars, Hole.MultiLine, depth);
                segment = _s.Position;
            }
            else
            {
                _s.Advance(run);
            }
        }
        _s.Emit(TokenKind.String, segment);
    }

    // {expression,alignment:format}: braces are punctuation, the expression is code, the format is string.
    private void Interpolation(int braces, Hole hole, int depth)
    {
        _s.Token(TokenKind.Punctuation, braces);
        Code(depth + 1, hole);
        if (_s.Current == ':')
        {
            int start = _s.Position;
            _s.SkipTo(FormatStops);
            _s.Emit(TokenKind.String, start);
        }
        int closing = 0;
        while (closing < braces && _s.Peek(closing) == '}')
        {
            closing++;
        }
        _s.Token(TokenKind.Punctuation, closing);
    }
}
