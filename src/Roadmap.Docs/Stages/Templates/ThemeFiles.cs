namespace Roadmap.Docs.Stages.Templates;

/// <summary>
/// The theme as the user sees it: a file under <c>input/_theme/</c> replaces the built-in file at the same relative path.
/// </summary>
public sealed class ThemeFiles
{
    private readonly string _themeRoot;
    private readonly string _overrideRoot;

    public ThemeFiles(string themeRoot, string overrideRoot)
    {
        _themeRoot = themeRoot;
        _overrideRoot = overrideRoot;
    }

    /// <summary>The file that wins for a theme-relative path, or null when neither has it.</summary>
    public string? Resolve(string relative)
    {
        var user = Path.Combine(_overrideRoot, relative);
        if (File.Exists(user))
        {
            return user;
        }
        var builtIn = Path.Combine(_themeRoot, relative);
        return File.Exists(builtIn) ? builtIn : null;
    }

    /// <summary>Theme-relative paths of every file under a theme folder, from both places, sorted.</summary>
    public IReadOnlyList<string> List(string folder) =>
        [.. new[] { _themeRoot, _overrideRoot }
            .Where(root => Directory.Exists(Path.Combine(root, folder)))
            .SelectMany(root => Directory
                .EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/')))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
