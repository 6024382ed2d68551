using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// SQL with PostgreSQL's additions: keywords and types in any case, strings (also E'…' and dollar-quoted),
/// <c>--</c> and nested <c>/* */</c> comments, numbers, parameters, function calls, and psql's
/// meta-commands (<c>\dt</c>) and prompts (<c>postgres=#</c>).
/// </summary>
internal sealed class SqlLexer
{
    private static readonly WordSet Keywords = WordSet.IgnoreCase("""
        select from where and or not in is like ilike similar between exists as on using join inner left right full
        outer cross natural insert into values update set delete merge matched create table index view drop alter add
        column constraint primary key foreign references unique check default if cascade restrict rename to grant
        revoke with recursive returning conflict do nothing group by order having limit offset fetch union all except
        intersect distinct case when then else end begin commit rollback savepoint transaction asc desc nulls over
        partition window filter within lateral schema database role user extension sequence function procedure trigger
        returns language replace vacuum analyze explain truncate copy materialized refresh concurrently temporary temp
        unlogged any some escape collate for of tablespace owner privileges public execute declare return
        """);

    private static readonly WordSet Types = WordSet.IgnoreCase("""
        int int2 int4 int8 integer bigint smallint serial bigserial smallserial real float float4 float8 double
        precision numeric decimal money text varchar char character varying boolean bool date time timestamp
        timestamptz interval uuid json jsonb bytea inet cidr macaddr xml oid regclass tsvector tsquery
        """);

    private static readonly WordSet Literals = WordSet.IgnoreCase("true false null unknown");

    private static readonly SearchValues<char> Operators = SearchValues.Create("+-*/%<>=!|&^~#?@");
    private static readonly SearchValues<char> CommentMarks = SearchValues.Create("/*");

    private readonly Scanner _s;
    private bool _lineStart = true;

    private SqlLexer(Scanner scanner) => _s = scanner;

    public static void Lex(Scanner scanner) => scanner.Run(new SqlLexer(scanner).Step);

    private void Step()
    {
        int start = _s.Position;
        char c = _s.Current;
        char next = _s.Peek();
        if (c == '\n')
        {
            _s.Advance();
            _lineStart = true;
            return;
        }
        if (char.IsWhiteSpace(c))
        {
            _s.Advance();
            return;
        }
        if (_lineStart && Prompt())
        {
            return;
        }
        _lineStart = false;
        if (c == '-' && next == '-')
        {
            _s.SkipToEndOfLine();
            _s.Emit(TokenKind.Comment, start);
        }
        else if (c == '/' && next == '*')
        {
            BlockComment();
        }
        else if (c == '\\' && (char.IsAsciiLetter(next) || next is '?' or '!'))
        {
            MetaCommand();
        }
        else if (c == '\'')
        {
            _s.SkipQuoted('\'', backslashEscapes: false, multiline: true, doubledQuoteEscapes: true);
            _s.Emit(TokenKind.String, start);
        }
        else if (c is 'E' or 'e' && next == '\'')
        {
            // E'…' takes backslash escapes.
            _s.Advance();
            _s.SkipQuoted('\'', backslashEscapes: true, multiline: true, doubledQuoteEscapes: true);
            _s.Emit(TokenKind.String, start);
        }
        else if (c is 'B' or 'b' or 'X' or 'x' or 'N' or 'n' && next == '\'')
        {
            _s.Advance();
            _s.SkipQuoted('\'', backslashEscapes: false, multiline: true, doubledQuoteEscapes: true);
            _s.Emit(TokenKind.String, start);
        }
        else if (c is '"' or '`')
        {
            // A quoted identifier: a name, not a string.
            _s.SkipQuoted(c, backslashEscapes: false, doubledQuoteEscapes: true);
        }
        else if (c == '$')
        {
            Dollar();
        }
        else if (c == ':' && next == ':')
        {
            _s.Token(TokenKind.Operator, 2);
        }
        else if (c is ':' or '@' && (Scanner.IsIdentifierStart(next) || (c == ':' && next is '\'' or '"')))
        {
            // :name, :'name' and :"name" are psql variables; @name a variable elsewhere.
            _s.Advance();
            if (_s.Current is '\'' or '"')
            {
                _s.SkipQuoted(_s.Current, backslashEscapes: false);
            }
            else
            {
                _s.SkipIdentifier();
            }
            _s.Emit(TokenKind.Variable, start);
        }
        else if (_s.SkipIdentifier())
        {
            Word(start);
        }
        else if (!_s.NumberOrOperator(Operators) && c is '(' or ')' or ',' or ';' or '.' or '[' or ']' or ':')
        {
            _s.Token(TokenKind.Punctuation, 1);
        }
    }

    private void Word(int start)
    {
        var word = _s.Span(start);
        bool qualified = _s.CharAt(start - 1) == '.';
        var kind = qualified ? TokenKind.Plain
            : Literals.Contains(word) ? TokenKind.Builtin
            : Keywords.Contains(word) ? TokenKind.Keyword
            : Types.Contains(word) ? TokenKind.Type
            : TokenKind.Plain;
        if (kind == TokenKind.Plain && _s.Current == '(')
        {
            kind = TokenKind.Function;
        }
        _s.Emit(kind, start);
    }

    // $1 is a parameter; $$…$$ and $tag$…$tag$ are dollar-quoted strings (function bodies, mostly).
    private void Dollar()
    {
        int start = _s.Position;
        _s.Advance();
        if (char.IsAsciiDigit(_s.Current))
        {
            _s.SkipWhile(char.IsAsciiDigit);
            _s.Emit(TokenKind.Variable, start);
            return;
        }
        if (Scanner.IsIdentifierStart(_s.Current))
        {
            _s.SkipWhile(Scanner.AsciiWordChars);
        }
        if (_s.Current != '$')
        {
            _s.Position = start + 1;
            return;
        }
        _s.Advance();
        string tag = _s.Span(start).ToString();
        _s.SkipPast(tag);
        _s.Emit(TokenKind.String, start);
    }

    // PostgreSQL comments nest: /* a /* b */ c */ is one comment.
    private void BlockComment()
    {
        int start = _s.Position;
        _s.Advance(2);
        int depth = 1;
        while (depth > 0)
        {
            _s.SkipTo(CommentMarks);
            if (_s.AtEnd)
            {
                break;
            }
            if (_s.At("/*"))
            {
                depth++;
                _s.Advance(2);
            }
            else if (_s.At("*/"))
            {
                depth--;
                _s.Advance(2);
            }
            else
            {
                _s.Advance();
            }
        }
        _s.Emit(TokenKind.Comment, start);
    }

    // \dt+, \c dbname, \x: the command, then its arguments to the end of the line (strings and variables marked).
    private void MetaCommand()
    {
        int start = _s.Position;
        _s.Advance();
        _s.SkipWhile(static c => char.IsAsciiLetter(c) || c is '+' or '?' or '!');
        _s.Emit(TokenKind.Function, start);
        while (!_s.AtEnd && _s.Current != '\n')
        {
            int argument = _s.Position;
            char c = _s.Current;
            if (c == '\'')
            {
                _s.SkipQuoted('\'', backslashEscapes: true);
                _s.Emit(TokenKind.String, argument);
            }
            else if (c == ':' && Scanner.IsIdentifierStart(_s.Peek()))
            {
                _s.Advance();
                _s.SkipIdentifier();
                _s.Emit(TokenKind.Variable, argument);
            }
            else
            {
                _s.Advance();
            }
        }
    }

    // psql's prompt at the start of a line: postgres=#, app=>, and the continuation forms postgres-# and postgres(#.
    private bool Prompt()
    {
        int start = _s.Position;
        _s.SkipWhile(Scanner.AsciiWordChars);
        bool prompt = _s.Position > start
            && _s.Current is '=' or '-' or '(' or '\'' or '"'
            && _s.Peek() is '#' or '>'
            && (_s.Peek(2) is ' ' or '\n' or '\r' || _s.Position + 2 >= _s.Text.Length);
        if (!prompt)
        {
            _s.Position = start;
            return false;
        }
        _s.Advance(2);
        _s.Emit(TokenKind.Punctuation, start);
        return true;
    }
}
