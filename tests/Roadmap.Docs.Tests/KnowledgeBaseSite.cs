namespace Roadmap.Docs.Tests;

/// <summary>The repository's own input/ built once per test run (fixed clock) and shared by every test that reads it.</summary>
public static class KnowledgeBaseSite
{
    private static readonly Lazy<Task<(string Output, BuildResult Result)>> Built = new(BuildAsync);

    public static async Task<string> OutputAsync() => (await Built.Value).Output;

    public static async Task<BuildResult> ResultAsync() => (await Built.Value).Result;

    private static async Task<(string, BuildResult)> BuildAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "roadmap-docs-tests", "kb-" + Environment.ProcessId, "site");
        if (Directory.Exists(Path.GetDirectoryName(output)))
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
        var result = await TestBuild.RunAsync(TestPaths.Input, output);
        return (output, result);
    }
}
