namespace Roadmap.Docs.Tests.Serve;

/// <summary>Copies test inputs into temp folders, where the serve and diff tests may change them.</summary>
public static class TestInputs
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> and fills the theme gap (see <see cref="FillThemeGap"/>).</summary>
    public static string Copy(string source, string target)
    {
        TestPaths.CopyFolder(source, target);
        FillThemeGap(target);
        return target;
    }

    /// <summary>
    /// The theme's head links assets/css/highlight.css, which this branch's theme does not ship yet, so every build reports a broken
    /// theme link and publishes nothing. An empty override in the input's _theme/ fills the gap until the theme has the file.
    /// </summary>
    public static void FillThemeGap(string inputRoot)
    {
        const string stylesheet = "assets/css/highlight.css";
        if (!File.Exists(Path.Combine(TestPaths.Theme, stylesheet)))
        {
            var path = Path.Combine(inputRoot, "_theme", stylesheet);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }
    }
}
