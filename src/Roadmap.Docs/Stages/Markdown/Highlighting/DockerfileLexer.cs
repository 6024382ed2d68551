using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// Dockerfiles: instructions (<c>tok-k</c>), comment lines, flags, variables, strings, and the commands of
/// <c>RUN</c>, <c>CMD</c>, <c>ENTRYPOINT</c> and <c>SHELL</c>: the shell form lexed as shell (see
/// <see cref="BashLexer"/>), the exec form (<c>["cmd", "arg"]</c>) as a list of strings.
/// </summary>
/// <remarks>
/// An instruction runs to the end of its logical line: a backslash at the end of a line continues it, and
/// comment lines inside the continuation are skipped, as Docker does.
/// </remarks>
internal sealed class DockerfileLexer
{
    private static readonly WordSet Instructions = WordSet.IgnoreCase("""
        FROM RUN CMD LABEL MAINTAINER EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL
        HEALTHCHECK SHELL
        """);

    private static readonly WordSet ShellInstructions = WordSet.IgnoreCase("RUN CMD ENTRYPOINT SHELL");
    private static readonly SearchValues<char> WordEnd = SearchValues.Create(" \t\r\n\"'$\\=");
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\r\n");

    private readonly Scanner _s;

    private DockerfileLexer(Scanner scanner) => _s = scanner;

    /// <summary>How the arguments of an instruction are read.</summary>
    private enum Arguments
    {
        Plain,
        From,
        Variables,
        Labels,
        HealthCheck,
    }

    public static void Lex(Scanner scanner) => scanner.Run(new DockerfileLexer(scanner).Line);

    // Called at the start of each logical line (and on the white space before it).
    private void Line()
    {
        int start = _s.Position;
        char c = _s.Current;
        if (char.IsWhiteSpace(c))
        {
            _s.Advance();
            return;
        }
        if (c == '#')
        {
            _s.SkipToEndOfLine();
            _s.Emit(TokenKind.Comment, start);
            return;
        }
        _s.SkipWhile(char.IsAsciiLetter);
        var word = _s.Span(start);
        if (!Instructions.Contains(word))
        {
            ReadArguments(Arguments.Plain);
            return;
        }
        _s.Emit(TokenKind.Keyword, start);
        if (word.Equals("ONBUILD", StringComparison.OrdinalIgnoreCase))
        {
            // ONBUILD takes another instruction.
            _s.SkipSpaces();
            start = _s.Position;
            _s.SkipWhile(char.IsAsciiLetter);
            word = _s.Span(start);
            if (!Instructions.Contains(word))
            {
                ReadArguments(Arguments.Plain);
                return;
            }
            _s.Emit(TokenKind.Keyword, start);
        }
        Instruction(word);
    }

    private void Instruction(ReadOnlySpan<char> name)
    {
        if (ShellInstructions.Contains(name))
        {
            Command();
            return;
        }
        ReadArguments(name.ToString().ToUpperInvariant() switch
        {
            "FROM" => Arguments.From,
            "ENV" or "ARG" => Arguments.Variables,
            "LABEL" => Arguments.Labels,
            "HEALTHCHECK" => Arguments.HealthCheck,
            _ => Arguments.Plain,
        });
    }

    // The command of RUN, CMD, ENTRYPOINT or SHELL, after its flags: exec form or shell form.
    private void Command()
    {
        while (true)
        {
            _s.SkipSpaces();
            if (!_s.At("--"))
            {
                break;
            }
            Flag();
            _s.SkipTo(Spaces);
        }
        if (_s.Current == '[')
        {
            ExecForm();
        }
        else
        {
            BashLexer.LexCommandLine(_s);
        }
    }

    private void ExecForm()
    {
        while (!_s.AtEnd && _s.Current != '\n')
        {
            int start = _s.Position;
            char c = _s.Current;
            if (c == '"')
            {
                _s.SkipQuoted('"');
                _s.Emit(TokenKind.String, start);
            }
            else if (c is '[' or ']' or ',')
            {
                _s.Token(TokenKind.Punctuation, 1);
            }
            else if (!Continuation())
            {
                _s.Advance();
            }
        }
    }

    // The name of --name=value; the value is read like any word.
    private void Flag()
    {
        int start = _s.Position;
        _s.SkipTo(WordEnd);
        _s.Emit(TokenKind.Attribute, start);
    }

    private void ReadArguments(Arguments arguments)
    {
        bool wordStart = true;
        int words = 0;
        while (!_s.AtEnd && _s.Current != '\n')
        {
            int start = _s.Position;
            char c = _s.Current;
            if (c is ' ' or '\t' or '\r')
            {
                _s.Advance();
                wordStart = true;
                continue;
            }
            if (Continuation())
            {
                wordStart = true;
                continue;
            }
            words += wordStart ? 1 : 0;
            if (c is '"' or '\'')
            {
                _s.SkipQuoted(c, backslashEscapes: c == '"');
                _s.Emit(TokenKind.String, start);
            }
            else if (c == '$')
            {
                Variable();
            }
            else if (wordStart && c == '-' && _s.Peek() == '-')
            {
                Flag();
            }
            else if (wordStart && Word(arguments, words == 1))
            {
                if (arguments == Arguments.HealthCheck && _s.Span(start).Equals("CMD", StringComparison.OrdinalIgnoreCase))
                {
                    Command();
                    return;
                }
            }
            else
            {
                _s.Advance();
                _s.SkipTo(WordEnd);
            }
            wordStart = false;
        }
    }

    // A word at its start that means something: a key before '=', a keyword, a number. False for anything else.
    private bool Word(Arguments arguments, bool firstWord)
    {
        int start = _s.Position;
        if (char.IsAsciiDigit(_s.Current))
        {
            // A port, a range, a user and group, a signal: 8080/tcp, 8000-8010, 1000:1000, 9.
            _s.SkipWhile(char.IsAsciiDigit);
            while (_s.Current is ':' or '-' && char.IsAsciiDigit(_s.Peek()))
            {
                _s.Advance();
                _s.SkipWhile(char.IsAsciiDigit);
            }
            if (_s.AtEnd || _s.Current is ' ' or '\t' or '\r' or '\n' or '/')
            {
                _s.Emit(TokenKind.Number, start);
                return true;
            }
        }
        _s.SkipTo(WordEnd);
        var word = _s.Span(start);
        if (word.IsEmpty)
        {
            return false;
        }
        char next = _s.Current;
        if (next == '=' && arguments is Arguments.Variables or Arguments.Labels)
        {
            _s.Emit(arguments == Arguments.Labels ? TokenKind.Attribute : TokenKind.Variable, start);
            _s.Token(TokenKind.Operator, 1);
            return true;
        }
        bool whole = _s.AtEnd || next is ' ' or '\t' or '\r' or '\n';
        var kind = arguments switch
        {
            // ENV NAME value (the old form) and ARG NAME.
            Arguments.Variables when firstWord && whole => TokenKind.Variable,
            Arguments.From when whole && word.Equals("AS", StringComparison.OrdinalIgnoreCase) => TokenKind.Keyword,
            Arguments.HealthCheck when whole && (word.Equals("CMD", StringComparison.OrdinalIgnoreCase)
                || word.Equals("NONE", StringComparison.OrdinalIgnoreCase)) => TokenKind.Keyword,
            _ => TokenKind.Plain,
        };
        _s.Emit(kind, start);
        return true;
    }

    private void Variable()
    {
        int start = _s.Position;
        _s.Advance();
        if (_s.Current == '{')
        {
            int end = _s.Text.IndexOfAny(['}', '\n'], _s.Position);
            _s.Position = end < 0 ? _s.Text.Length : end + (_s.Text[end] == '}' ? 1 : 0);
        }
        else
        {
            _s.SkipWhile(Scanner.AsciiWordChars);
        }
        _s.Emit(TokenKind.Variable, start);
    }

    // A backslash ending the line, and the comment lines that follow it (Docker skips them). False if none.
    private bool Continuation()
    {
        if (_s.Current != '\\')
        {
            return false;
        }
        int lineBreak = _s.NextNonSpace(_s.Position + 1);
        lineBreak += _s.CharAt(lineBreak) == '\r' ? 1 : 0;
        if (_s.CharAt(lineBreak) != '\n')
        {
            return false;
        }
        _s.Position = lineBreak + 1;
        while (true)
        {
            int lineStart = _s.Position;
            _s.SkipSpaces();
            if (_s.Current != '#')
            {
                _s.Position = lineStart;
                return true;
            }
            int comment = _s.Position;
            _s.SkipToEndOfLine();
            _s.Emit(TokenKind.Comment, comment);
            _s.Advance();
        }
    }
}
