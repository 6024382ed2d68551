namespace Roadmap.Docs.Cli;

/// <summary>Finds the built-in theme: the repository's theme/ when run from a clone, else the copy beside the installed tool.</summary>
internal static class ThemeLocator
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "theme");
            if (File.Exists(Path.Combine(candidate, "layouts", "page.html")) && dir.GetFiles("Roadmap.Docs.sln").Length > 0)
            {
                return candidate;
            }
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "theme");
        return File.Exists(Path.Combine(beside, "layouts", "page.html")) ? beside : null;
    }
}
