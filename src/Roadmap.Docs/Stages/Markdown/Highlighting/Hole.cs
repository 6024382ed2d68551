namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// Where a lexer is reading code: at the top, or in a hole of an interpolated string (C# <c>$"{…}"</c>,
/// a Python f-string's replacement field), which ends at its closing brace, and also at a line break when
/// the string cannot span lines (so a broken hole never runs past its line).
/// </summary>
internal enum Hole
{
    None,
    SingleLine,
    MultiLine,
}
