using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Tests.Navigation;

/// <summary>
/// A site whose folders are too big for the sidebar to list whole, built once per test run and shared: 45 top-level
/// pages beside runbooks/, whose index.md is written by hand and which holds 120 runbooks; runbook 050 is a folder of
/// two steps, runbooks 002 and 030 have checklists (030's all done), runbook 003's title needs escaping.
/// </summary>
public static class BigFolderSite
{
    public const int Runbooks = 120;

    public const int Topics = 45;

    private static readonly Lazy<Task<(string Output, BuildResult Result)>> Built = new(BuildAsync);

    public static async Task<string> OutputAsync() => (await Built.Value).Output;

    public static async Task<BuildResult> ResultAsync() => (await Built.Value).Result;

    public static string RunbookTitle(int n) => n == 3 ? "Runbook 003 <&> \"quoted\"" : string.Create(CultureInfo.InvariantCulture, $"Runbook {n:D3}");

    public static string RunbookPage(int n) => string.Create(CultureInfo.InvariantCulture, $"runbooks/runbook-{n:D3}/index.html");

    private static async Task<(string, BuildResult)> BuildAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "roadmap-docs-tests", "big-folder-" + Environment.ProcessId);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        var input = Path.Combine(root, "input");
        Write(input, "site.yml", "title: Big folders\nbase_url: https://docs.example.com/\n");
        Write(input, "index.md", "---\ntitle: Home\n---\nThe home page.\n");
        for (var n = 1; n <= Topics; n++)
        {
            Write(input, string.Create(CultureInfo.InvariantCulture, $"topic-{n:D2}.md"), string.Create(CultureInfo.InvariantCulture, $"---\ntitle: Topic {n:D2}\n---\nA topic.\n"));
        }
        Write(input, "runbooks/index.md", "---\ntitle: Runbooks\norder: 1\n---\nWhat to do when things break.\n");
        for (var n = 1; n <= Runbooks; n++)
        {
            var body = new StringBuilder();
            body.Append("---\ntitle: '").Append(RunbookTitle(n).Replace("'", "''", StringComparison.Ordinal)).Append("'\n---\nSteps for this runbook.\n");
            body.Append(n switch
            {
                2 => "\n- [x] Page the owner\n- [ ] Write the review\n",
                30 => "\n- [x] Page the owner\n- [x] Write the review\n",
                _ => "",
            });
            Write(input, string.Create(CultureInfo.InvariantCulture, $"runbooks/runbook-{n:D3}.md"), body.ToString());
        }
        Write(input, "runbooks/runbook-050/step-1.md", "---\ntitle: Step 1\n---\nFirst.\n");
        Write(input, "runbooks/runbook-050/step-2.md", "---\ntitle: Step 2\n---\nSecond.\n");
        var output = Path.Combine(root, "site");
        var result = await TestBuild.RunAsync(input, output);
        return (output, result);
    }

    private static void Write(string input, string relative, string content)
    {
        var path = Path.Combine(input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
