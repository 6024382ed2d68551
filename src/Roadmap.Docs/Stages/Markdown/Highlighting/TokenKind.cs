namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>What a token is; each kind but <see cref="Plain"/> becomes a <c>tok-*</c> CSS class.</summary>
internal enum TokenKind
{
    Plain,
    Keyword,
    String,
    Comment,
    Number,
    Function,
    Variable,
    Operator,
    Punctuation,
    Type,
    Attribute,
    Builtin,
}

internal static class TokenKinds
{
    /// <summary>The CSS class of a kind ("tok-k"); null for <see cref="TokenKind.Plain"/>, which is not wrapped.</summary>
    public static string? ClassName(this TokenKind kind) => kind switch
    {
        TokenKind.Keyword => "tok-k",
        TokenKind.String => "tok-s",
        TokenKind.Comment => "tok-c",
        TokenKind.Number => "tok-n",
        TokenKind.Function => "tok-f",
        TokenKind.Variable => "tok-v",
        TokenKind.Operator => "tok-o",
        TokenKind.Punctuation => "tok-p",
        TokenKind.Type => "tok-t",
        TokenKind.Attribute => "tok-a",
        TokenKind.Builtin => "tok-b",
        _ => null,
    };
}
