using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// Shell scripts (bash, sh, zsh) and console sessions: the first word of each command, keywords, flags,
/// variables and expansions, quoting, comments, operators and here-documents.
/// </summary>
/// <remarks>
/// The lexer knows where a command starts (after a line break, ';', '|', '&amp;&amp;', '(' or a keyword such as
/// <c>then</c>), so it can tell the command from its arguments. A console block that has "$ " prompts is a
/// session: only prompted lines are commands, the other lines are output and stay plain.
/// </remarks>
internal sealed class BashLexer
{
    // Substitutions nested deeper than this ("$(… "$(… "$(…") are lexed flat, so the stack stays small on any input.
    private const int MaxDepth = 8;

    private static readonly WordSet Keywords =
        WordSet.Of("if then else elif fi for in while until do done case esac function select time export local declare readonly typeset");

    private static readonly SearchValues<char> WordEnd = SearchValues.Create(" \t\r\n|&;()<>\"'`$\\");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"\\$`");
    private static readonly SearchValues<char> BracedStops = SearchValues.Create("{}\\\n");

    private readonly Scanner _s;
    private readonly bool _session;
    private readonly Queue<(string Delimiter, bool StripTabs)> _hereDocuments = new();
    private int _caseDepth;

    private BashLexer(Scanner scanner, bool session)
    {
        _s = scanner;
        _session = session;
    }

    /// <summary>What the next word is, from what came before it.</summary>
    private enum Expect
    {
        Command,
        Argument,
        Declaration,
        LoopVariable,
        LoopIn,
        CaseWord,
        CaseIn,
        CasePattern,
        FunctionName,
        ArrayItems,
    }

    private enum Stop
    {
        None,
        Paren,
        Backtick,
        LineEnd,
    }

    private sealed class State
    {
        public Expect Expect;
        public Expect AfterArray;
        public bool InWord;
        public int Parens;

        // Inside [[ … ]], where && and || join tests, not commands.
        public bool InTest;

        // Only white space and comments since a line continuation: in a Dockerfile such lines do not end the command.
        public bool AfterContinuation;
    }

    public static void Lex(Scanner scanner) => new BashLexer(scanner, session: false).Run();

    public static void LexConsole(Scanner scanner) =>
        new BashLexer(scanner, session: scanner.Text.StartsWith("$ ", StringComparison.Ordinal)
            || scanner.Text.Contains("\n$ ", StringComparison.Ordinal)).Run();

    /// <summary>Lexes one command line, up to a line break that is not escaped (a Dockerfile RUN instruction).</summary>
    public static void LexCommandLine(Scanner scanner) => new BashLexer(scanner, session: false).Commands(0, Stop.LineEnd);

    private void Run()
    {
        LineStart();
        Commands(0, Stop.None);
    }

    private void Commands(int depth, Stop stop)
    {
        var state = new State { Expect = Expect.Command };
        _s.RunUntil(() => Step(state, depth, stop));
    }

    // Lexes one piece: white space, a comment, an operator or a piece of a word. True when the stop is reached.
    private bool Step(State state, int depth, Stop stop)
    {
        int start = _s.Position;
        char c = _s.Current;
        switch (c)
        {
            case '\n' when stop == Stop.LineEnd && state.AfterContinuation:
                _s.Advance();
                return false;
            case '\n':
                if (stop == Stop.LineEnd && _hereDocuments.Count == 0)
                {
                    return true;
                }
                _s.Advance();
                ReadHereDocuments();
                state.InWord = false;
                if (state.Expect is not (Expect.CasePattern or Expect.ArrayItems))
                {
                    state.Expect = Expect.Command;
                }
                if (depth == 0 && stop == Stop.None)
                {
                    LineStart();
                }
                return false;
            case ' ' or '\t' or '\r':
                _s.Advance();
                state.InWord = false;
                return false;
            case '#' when !state.InWord:
                _s.SkipToEndOfLine();
                _s.Emit(TokenKind.Comment, start);
                return false;
            case '\\' when _s.Peek() == '\n' || (_s.Peek() == '\r' && _s.Peek(2) == '\n'):
                // A line continuation separates words but does not end the command.
                _s.Advance(_s.Peek() == '\r' ? 3 : 2);
                state.InWord = false;
                state.AfterContinuation = true;
                return false;
            case '|' or '&' or ';' or '<' or '>' or '(' or ')':
                state.AfterContinuation = false;
                bool stopped = Operator(state, depth, stop);
                state.InWord = false;
                return stopped;
            case '`' when stop == Stop.Backtick:
                return true;
        }
        state.AfterContinuation = false;

        bool wordStart = !state.InWord;
        state.InWord = true;
        switch (c)
        {
            case '\'':
                _s.SkipQuoted('\'', backslashEscapes: false, multiline: true);
                _s.Emit(TokenKind.String, start);
                break;
            case '"':
                DoubleQuoted(depth);
                break;
            case '$':
                Dollar(depth);
                break;
            case '`':
                Backtick(depth);
                break;
            case '\\':
                _s.Advance(2);
                break;
            default:
                Word(state, wordStart);
                return false;
        }
        if (wordStart)
        {
            state.Expect = AfterWord(state.Expect);
        }
        return false;
    }

    private static Expect AfterWord(Expect expect) => expect switch
    {
        Expect.Command or Expect.LoopIn => Expect.Argument,
        Expect.FunctionName => Expect.Command,
        Expect.LoopVariable => Expect.LoopIn,
        Expect.CaseWord => Expect.CaseIn,
        Expect.CaseIn => Expect.CasePattern,
        _ => expect,
    };

    // A run of ordinary word characters; at the start of a word it may be a command, keyword, flag or assignment.
    private void Word(State state, bool wordStart)
    {
        int start = _s.Position;
        if (wordStart && _s.Current == '-' && state.Expect is Expect.Argument or Expect.Declaration
            && (char.IsAsciiLetterOrDigit(_s.Peek()) || _s.Peek() == '-'))
        {
            // A flag (-n, --force); in --name=value only the name.
            _s.SkipWhile(static c => c == '-' || char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
            _s.Emit(TokenKind.Attribute, start);
            return;
        }
        if (wordStart && state.Expect is Expect.Command or Expect.Declaration && Assignment(state))
        {
            return;
        }

        _s.SkipTo(WordEnd);
        var word = _s.Span(start);
        char next = _s.Current;
        bool whole = _s.AtEnd || next is ' ' or '\t' or '\r' or '\n' or '|' or '&' or ';' or '(' or ')' or '<' or '>';
        if (!wordStart)
        {
            return;
        }
        bool number = whole && !word.IsEmpty && !word.ContainsAnyExceptInRange('0', '9');
        switch (state.Expect)
        {
            case Expect.Command when whole && Keywords.Contains(word):
                _s.Emit(TokenKind.Keyword, start);
                state.Expect = AfterKeyword(word);
                break;
            case Expect.Command when word is "{" or "}":
                _s.Emit(TokenKind.Punctuation, start);
                state.Expect = word is "{" ? Expect.Command : Expect.Argument;
                break;
            case Expect.Command when word is "!":
                _s.Emit(TokenKind.Operator, start);
                break;
            case Expect.Command when word is "[[" && whole:
                _s.Emit(TokenKind.Keyword, start);
                state.Expect = Expect.Argument;
                state.InTest = true;
                break;
            case Expect.Command when number && next is '<' or '>':
                _s.Emit(TokenKind.Number, start);
                break;
            case Expect.Command or Expect.FunctionName:
                // After "function name" comes the body, whose "{" is read like a command word.
                _s.Emit(TokenKind.Function, start);
                state.Expect = state.Expect == Expect.FunctionName ? Expect.Command : Expect.Argument;
                break;
            case Expect.Argument or Expect.ArrayItems when word is "]]" && whole:
                _s.Emit(TokenKind.Keyword, start);
                state.InTest = false;
                break;
            case Expect.Argument or Expect.ArrayItems or Expect.Declaration when number:
                _s.Emit(TokenKind.Number, start);
                break;
            case Expect.Declaration or Expect.LoopVariable:
                _s.Emit(TokenKind.Variable, start);
                state.Expect = AfterWord(state.Expect);
                break;
            case Expect.LoopIn or Expect.CaseIn when word is "in" && whole:
                _s.Emit(TokenKind.Keyword, start);
                state.Expect = state.Expect == Expect.LoopIn ? Expect.Argument : Expect.CasePattern;
                break;
            case Expect.CasePattern when word is "esac" && whole:
                _s.Emit(TokenKind.Keyword, start);
                _caseDepth = Math.Max(0, _caseDepth - 1);
                state.Expect = Expect.Argument;
                break;
            default:
                state.Expect = AfterWord(state.Expect);
                break;
        }
    }

    private Expect AfterKeyword(ReadOnlySpan<char> keyword)
    {
        switch (keyword)
        {
            case "for" or "select":
                return Expect.LoopVariable;
            case "case":
                _caseDepth++;
                return Expect.CaseWord;
            case "esac":
                _caseDepth = Math.Max(0, _caseDepth - 1);
                return Expect.Argument;
            case "function":
                return Expect.FunctionName;
            case "export" or "local" or "declare" or "readonly" or "typeset":
                return Expect.Declaration;
            case "fi" or "done" or "in":
                return Expect.Argument;
            default:
                return Expect.Command;
        }
    }

    // NAME=value or NAME+=value (and NAME=( … ) for an array); the value is the rest of the word.
    private bool Assignment(State state)
    {
        int start = _s.Position;
        if (!char.IsAsciiLetter(_s.Current) && _s.Current != '_')
        {
            return false;
        }
        _s.SkipWhile(Scanner.AsciiWordChars);
        int operatorLength = _s.Current == '=' ? 1 : _s.At("+=") ? 2 : 0;
        if (operatorLength == 0)
        {
            _s.Position = start;
            return false;
        }
        _s.Emit(TokenKind.Variable, start);
        _s.Token(TokenKind.Operator, operatorLength);
        if (_s.Current == '(')
        {
            _s.Token(TokenKind.Punctuation, 1);
            state.AfterArray = state.Expect;
            state.Expect = Expect.ArrayItems;
            state.InWord = false;
        }
        return true;
    }

    private bool Operator(State state, int depth, Stop stop)
    {
        char c = _s.Current;
        char next = _s.Peek();
        if (state.InTest && (c is '(' or ')' || (c is '&' or '|' && next == c)))
        {
            // Inside [[ … ]]: grouping, and && and || joining tests.
            bool grouping = c is '(' or ')';
            _s.Token(grouping ? TokenKind.Punctuation : TokenKind.Operator, grouping ? 1 : 2);
            return false;
        }
        switch (c)
        {
            case ')' when state.Expect == Expect.CasePattern:
                _s.Token(TokenKind.Punctuation, 1);
                state.Expect = Expect.Command;
                return false;
            case ')' when state.Expect == Expect.ArrayItems:
                _s.Token(TokenKind.Punctuation, 1);
                state.Expect = state.AfterArray;
                return false;
            case ')' when state.Parens == 0 && stop == Stop.Paren:
                return true;
            case ')':
                state.Parens = Math.Max(0, state.Parens - 1);
                _s.Token(TokenKind.Punctuation, 1);
                state.Expect = Expect.Argument;
                return false;
            case '(' when state.Expect == Expect.CasePattern:
                _s.Token(TokenKind.Punctuation, 1);
                return false;
            case '(' when next == ')':
                // name() { … }: a function definition.
                _s.Token(TokenKind.Punctuation, 2);
                state.Expect = Expect.Command;
                return false;
            case '(' when next == '(' && state.Expect is Expect.Command or Expect.LoopVariable:
                Arithmetic(TokenKind.Punctuation, 2, depth);
                state.Expect = Expect.Argument;
                return false;
            case '(':
                state.Parens++;
                _s.Token(TokenKind.Punctuation, 1);
                state.Expect = Expect.Command;
                return false;
            case ';':
                bool caseEnd = next == '&' || next == ';';
                _s.Token(TokenKind.Operator, caseEnd ? (_s.Peek(2) == '&' ? 3 : 2) : 1);
                state.Expect = caseEnd && _caseDepth > 0 ? Expect.CasePattern : Expect.Command;
                return false;
            case '|':
                _s.Token(TokenKind.Operator, next is '|' or '&' ? 2 : 1);
                if (state.Expect != Expect.CasePattern)
                {
                    state.Expect = Expect.Command;
                }
                return false;
            case '&' when next == '>':
                _s.Token(TokenKind.Operator, _s.Peek(2) == '>' ? 3 : 2);
                return false;
            case '&':
                _s.Token(TokenKind.Operator, next == '&' ? 2 : 1);
                state.Expect = Expect.Command;
                return false;
            case '<' or '>' when next == '(':
                Substitution(TokenKind.Operator, 2, depth);
                return false;
            case '<' when next == '<' && _s.Peek(2) != '<':
                HereDocument();
                return false;
            case '<':
                _s.Token(TokenKind.Operator, next is '&' or '>' ? 2 : next == '<' ? 3 : 1);
                return false;
            default:
                _s.Token(TokenKind.Operator, next is '>' or '&' or '|' ? 2 : 1);
                return false;
        }
    }

    private void DoubleQuoted(int depth)
    {
        int start = _s.Position;
        _s.Advance();
        while (true)
        {
            _s.SkipTo(DoubleQuotedStops);
            if (_s.AtEnd)
            {
                break;
            }
            char c = _s.Current;
            if (c == '"')
            {
                _s.Advance();
                break;
            }
            if (c == '\\')
            {
                _s.Advance(2);
            }
            else if (c == '$' && IsExpansion(_s.Peek()))
            {
                _s.Emit(TokenKind.String, start);
                Dollar(depth);
                start = _s.Position;
            }
            else if (c == '`')
            {
                _s.Emit(TokenKind.String, start);
                Backtick(depth);
                start = _s.Position;
            }
            else
            {
                _s.Advance();
            }
        }
        _s.Emit(TokenKind.String, start);
    }

    private static bool IsExpansion(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '{' or '(' or '@' or '*' or '#' or '?' or '$' or '!' or '-';

    // $NAME, $1, $?, ${…}, $(…), $((…)) and $'…'.
    private void Dollar(int depth)
    {
        int start = _s.Position;
        char next = _s.Peek();
        if (next == '(')
        {
            if (_s.Peek(2) == '(')
            {
                Arithmetic(TokenKind.Variable, 3, depth);
            }
            else
            {
                Substitution(TokenKind.Variable, 2, depth);
            }
            return;
        }
        if (next == '{')
        {
            _s.Advance();
            int braces = 0;
            while (true)
            {
                _s.SkipTo(BracedStops);
                char c = _s.Current;
                if (_s.AtEnd || c == '\n')
                {
                    break;
                }
                if (c == '\\')
                {
                    _s.Advance(2);
                    continue;
                }
                braces += c == '{' ? 1 : -1;
                _s.Advance();
                if (braces == 0)
                {
                    break;
                }
            }
            _s.Emit(TokenKind.Variable, start);
            return;
        }
        if (next == '\'')
        {
            _s.Advance();
            _s.SkipQuoted('\'', backslashEscapes: true, multiline: true);
            _s.Emit(TokenKind.String, start);
            return;
        }
        _s.Advance();
        if (char.IsAsciiLetter(next) || next == '_')
        {
            _s.SkipWhile(Scanner.AsciiWordChars);
        }
        else if (IsExpansion(next))
        {
            _s.Advance();
        }
        else
        {
            return;
        }
        _s.Emit(TokenKind.Variable, start);
    }

    // $( … ), <( … ) and >( … ): the commands inside are lexed as commands.
    private void Substitution(TokenKind kind, int openLength, int depth)
    {
        _s.Token(kind, openLength);
        if (depth >= MaxDepth)
        {
            return;
        }
        Commands(depth + 1, Stop.Paren);
        if (_s.Current == ')')
        {
            _s.Token(kind, 1);
        }
    }

    private void Backtick(int depth)
    {
        int start = _s.Position;
        if (depth >= MaxDepth)
        {
            _s.SkipQuoted('`', backslashEscapes: true, multiline: true);
            _s.Emit(TokenKind.Variable, start);
            return;
        }
        _s.Token(TokenKind.Variable, 1);
        Commands(depth + 1, Stop.Backtick);
        if (_s.Current == '`')
        {
            _s.Token(TokenKind.Variable, 1);
        }
    }

    // $(( … )) and (( … )): numbers, names as variables, operators; ends at the matching "))".
    private void Arithmetic(TokenKind kind, int openLength, int depth)
    {
        _s.Token(kind, openLength);
        if (depth >= MaxDepth)
        {
            return;
        }
        int parens = 0;
        while (!_s.AtEnd)
        {
            int start = _s.Position;
            char c = _s.Current;
            if (c == ')' && parens == 0)
            {
                _s.Token(kind, _s.Peek() == ')' ? 2 : 1);
                return;
            }
            if (c is '(' or ')')
            {
                parens += c == '(' ? 1 : -1;
                _s.Token(TokenKind.Punctuation, 1);
            }
            else if (_s.SkipNumber())
            {
                _s.Emit(TokenKind.Number, start);
            }
            else if (c == '$' && IsExpansion(_s.Peek()))
            {
                Dollar(depth + 1);
            }
            else if (_s.SkipIdentifier())
            {
                _s.Emit(TokenKind.Variable, start);
            }
            else if ("+-*/%<>=!&|^~?:,".Contains(c, StringComparison.Ordinal))
            {
                _s.Token(TokenKind.Operator, 1);
            }
            else
            {
                _s.Advance();
            }
        }
    }

    // <<WORD, <<-WORD, <<'WORD' and <<"WORD": the body is read at the next line break.
    private void HereDocument()
    {
        bool stripTabs = _s.Peek(2) == '-';
        _s.Token(TokenKind.Operator, stripTabs ? 3 : 2);
        _s.SkipSpaces();
        int start = _s.Position;
        string delimiter;
        if (_s.Current is '\'' or '"')
        {
            _s.SkipQuoted(_s.Current, backslashEscapes: false);
            delimiter = _s.Span(start).Trim(_s.Text[start]).ToString();
        }
        else
        {
            if (_s.Current == '\\')
            {
                _s.Advance();
            }
            _s.SkipTo(WordEnd);
            delimiter = _s.Span(start).TrimStart('\\').ToString();
        }
        _s.Emit(TokenKind.String, start);
        if (delimiter.Length > 0)
        {
            _hereDocuments.Enqueue((delimiter, stripTabs));
        }
    }

    // Called just after a line break: the bodies of the here-documents opened on the line before, each up to
    // its delimiter line. Leaves the position on the line break that ends the last delimiter line.
    private void ReadHereDocuments()
    {
        while (_hereDocuments.TryDequeue(out var here))
        {
            int start = _s.Position;
            while (!_s.AtEnd)
            {
                int lineStart = _s.Position;
                _s.SkipToEndOfLine();
                var line = _s.Text.AsSpan(lineStart, _s.Position - lineStart).TrimEnd('\r');
                if ((here.StripTabs ? line.TrimStart('\t') : line).SequenceEqual(here.Delimiter))
                {
                    break;
                }
                _s.Advance();
            }
            _s.Emit(TokenKind.String, start);
            if (_hereDocuments.Count > 0)
            {
                _s.Advance();
            }
        }
    }

    // At the start of a line: a "$ " prompt, or in a session a line of output.
    private void LineStart()
    {
        if (_s.Current == '$' && (_s.Peek() is ' ' or '\t' or '\r' or '\n' || _s.Position + 1 == _s.Text.Length))
        {
            _s.Token(TokenKind.Punctuation, 1);
        }
        else if (_session)
        {
            _s.SkipToEndOfLine();
        }
    }
}
