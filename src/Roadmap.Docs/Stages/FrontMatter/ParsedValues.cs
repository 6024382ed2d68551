namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>
/// The outcome of reading front matter in any format (YAML, TOML, JSON): the values with their positions, or an
/// error with its 1-based line and column in the host file.
/// </summary>
public sealed record ParsedValues(Engine.FrontMatter Values, string? Error, int ErrorLine, int ErrorColumn)
{
    public static ParsedValues Ok(Engine.FrontMatter values) => new(values, null, 0, 0);

    public static ParsedValues Failed(string error, int line, int column) => new(Engine.FrontMatter.Empty, error, line, column);
}
