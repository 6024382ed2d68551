namespace Roadmap.Docs.Tests;

/// <summary>Where things are: the repository (found from the test binary), its theme and input, and fresh temp folders.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Theme => Path.Combine(RepoRoot, "theme");

    public static string Input => Path.Combine(RepoRoot, "input");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>The source TestData folder (for writing .actual files next to golden files).</summary>
    public static string SourceTestData => Path.Combine(RepoRoot, "tests", "Roadmap.Docs.Tests", "TestData");

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new empty folder under the system temp folder, removed when the returned handle is disposed.</summary>
    public static TempFolder NewTempFolder() => new();

    /// <summary>Copies every file under <paramref name="from"/> to the same place under <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roadmap.Docs.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Roadmap.Docs.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "roadmap-docs-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (creating folders), with '\n' line endings as given.</summary>
    public string Write(string relative, string content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
