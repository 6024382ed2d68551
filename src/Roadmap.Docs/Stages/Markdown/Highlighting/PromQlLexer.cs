using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// PromQL: metric names (<c>tok-v</c>), label names in <c>{…}</c> and in <c>by (…)</c> lists (<c>tok-a</c>),
/// label values, functions and aggregations, keywords, durations and numbers, operators and comments.
/// </summary>
internal sealed class PromQlLexer
{
    private static readonly WordSet Keywords =
        WordSet.IgnoreCase("and or unless by without on ignoring group_left group_right offset bool atan2");

    // Keywords followed by a parenthesised list of label names.
    private static readonly WordSet Grouping = WordSet.IgnoreCase("by without on ignoring group_left group_right");

    // Aggregation operators: functions, though they may be followed by "by (…)" before their parenthesis.
    private static readonly WordSet Aggregations = WordSet.IgnoreCase("""
        sum min max avg group stddev stdvar count count_values bottomk topk quantile limitk limit_ratio
        """);

    private static readonly WordSet Constants = WordSet.IgnoreCase("inf nan");
    private static readonly SearchValues<char> Operators = SearchValues.Create("+-*/%^=!<>~@");
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:");

    private readonly Scanner _s;
    private int _braces;
    private bool _labelListNext;
    private bool _inLabelList;

    private PromQlLexer(Scanner scanner) => _s = scanner;

    public static void Lex(Scanner scanner) => scanner.Run(new PromQlLexer(scanner).Step);

    private void Step()
    {
        int start = _s.Position;
        char c = _s.Current;
        if (char.IsWhiteSpace(c))
        {
            _s.Advance();
            return;
        }
        bool labelListNext = _labelListNext;
        _labelListNext = false;
        switch (c)
        {
            case '#':
                _s.SkipToEndOfLine();
                _s.Emit(TokenKind.Comment, start);
                break;
            case '"' or '\'' or '`':
                _s.SkipQuoted(c, backslashEscapes: c != '`', multiline: c == '`');
                _s.Emit(TokenKind.String, start);
                break;
            case '{':
                _braces++;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '}':
                _braces = Math.Max(0, _braces - 1);
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '(':
                _inLabelList = labelListNext;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case ')':
                _inLabelList = false;
                _s.Token(TokenKind.Punctuation, 1);
                break;
            case '[' or ']' or ',' or ':':
                _s.Token(TokenKind.Punctuation, 1);
                break;
            default:
                if (!_s.NumberOrOperator(Operators) && Scanner.IsIdentifierStart(c))
                {
                    _s.SkipWhile(NameChars);
                    Word(start);
                }
                break;
        }
    }

    private void Word(int start)
    {
        var word = _s.Span(start);
        TokenKind kind;
        if (_braces > 0 || _inLabelList)
        {
            kind = TokenKind.Attribute;
        }
        else if (Keywords.Contains(word))
        {
            kind = TokenKind.Keyword;
            _labelListNext = Grouping.Contains(word);
        }
        else if (Constants.Contains(word))
        {
            kind = TokenKind.Number;
        }
        else if (Aggregations.Contains(word) || _s.Current == '(')
        {
            kind = TokenKind.Function;
        }
        else
        {
            kind = TokenKind.Variable;
        }
        _s.Emit(kind, start);
    }
}
