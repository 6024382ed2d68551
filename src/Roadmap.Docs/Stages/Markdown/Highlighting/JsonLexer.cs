namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>JSON (and the comments of JSONC): keys apart from string values, numbers, true/false/null.</summary>
internal static class JsonLexer
{
    public static void Lex(Scanner scanner) => scanner.Run(() => Step(scanner));

    private static void Step(Scanner s)
    {
        int start = s.Position;
        char c = s.Current;
        if (c == '"')
        {
            s.SkipQuoted('"');
            // A string followed by ':' is a key.
            int next = s.Position;
            while (char.IsWhiteSpace(s.CharAt(next)))
            {
                next++;
            }
            s.Emit(s.CharAt(next) == ':' ? TokenKind.Attribute : TokenKind.String, start);
        }
        else if ((c == '-' && Scanner.IsDigit(s.Peek())) || Scanner.IsDigit(c))
        {
            s.Advance(c == '-' ? 1 : 0);
            s.SkipNumber();
            s.Emit(TokenKind.Number, start);
        }
        else if (s.SkipIdentifier())
        {
            if (s.Span(start) is "true" or "false" or "null")
            {
                s.Emit(TokenKind.Builtin, start);
            }
        }
        else if (c == '/' && s.Peek() == '/')
        {
            s.SkipToEndOfLine();
            s.Emit(TokenKind.Comment, start);
        }
        else if (c == '/' && s.Peek() == '*')
        {
            s.Advance(2);
            s.SkipPast("*/");
            s.Emit(TokenKind.Comment, start);
        }
        else if (c is '{' or '}' or '[' or ']' or ',' or ':')
        {
            s.Token(TokenKind.Punctuation, 1);
        }
    }
}
