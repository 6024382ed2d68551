using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Roadmap.Docs.Tests.Diff;

/// <summary>
/// Every GitHub workflow parses as YAML and has the shape GitHub needs (triggers, jobs with a runner and steps), checked here
/// because actionlint cannot be installed on this machine. The pull request preview workflow also keeps its permissions explicit.
/// </summary>
public partial class WorkflowFileTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, ".github", "workflows");

    public static TheoryData<string> Workflows() =>
        [.. Directory.EnumerateFiles(Folder).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void A_workflow_has_triggers_and_jobs_that_each_have_a_runner_and_steps(string file)
    {
        var root = Load(file);

        // Read as a plain scalar key: YAML 1.1 would turn a bare `on` into true, GitHub does not.
        Assert.True(root.Children.ContainsKey(new YamlScalarNode("on")), $"{file} has no 'on'");
        var jobs = Assert.IsType<YamlMappingNode>(root["jobs"]);
        Assert.NotEmpty(jobs.Children);
        foreach (var (name, node) in jobs.Children)
        {
            var job = Assert.IsType<YamlMappingNode>(node);
            Assert.True(job.Children.ContainsKey(new YamlScalarNode("runs-on")), $"{file}: job {name} has no runs-on");
            var steps = Assert.IsType<YamlSequenceNode>(job["steps"]);
            Assert.NotEmpty(steps.Children);
            Assert.All(steps.Children, step => Assert.True(
                step is YamlMappingNode s && (s.Children.ContainsKey(new YamlScalarNode("uses")) || s.Children.ContainsKey(new YamlScalarNode("run"))),
                $"{file}: a step of job {name} neither uses an action nor runs a command"));
        }
    }

    [Fact]
    public void The_preview_workflow_grants_nothing_by_default_and_each_job_only_what_it_uses()
    {
        var root = Load("pr-preview.yml");

        Assert.Empty(Assert.IsType<YamlMappingNode>(root["permissions"]).Children);
        var permissions = ((YamlMappingNode)root["jobs"]).Children.ToDictionary(
            job => job.Key.ToString(),
            job => string.Join(", ", ((YamlMappingNode)((YamlMappingNode)job.Value)["permissions"]).Children.Select(p => $"{p.Key}: {p.Value}")));
        Assert.Equal(new Dictionary<string, string>
        {
            ["build"] = "contents: read, security-events: write, actions: read",
            ["publish"] = "contents: write, pull-requests: write",
            ["remove"] = "contents: write",
        }, permissions);
    }

    [Fact]
    public void Every_action_is_used_at_a_released_major_version()
    {
        var uses = Load("pr-preview.yml").AllNodes.OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Where(c => c.Key.ToString() == "uses").Select(c => c.Value.ToString()))
            .ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, action => Assert.Matches(PinnedAction(), action));
    }

    [Fact]
    public void Every_preview_build_and_lint_of_pull_request_content_sanitizes_raw_HTML()
    {
        // Previews share the published site's origin, and fork content is written by people outside the team.
        var lines = Steps("pr-preview.yml", "build").SelectMany(step => step.Run.Split('\n').Select(line => (step.Name, Line: line.Trim()))).ToList();
        var invocations = lines.Where(c => ToolInvocation().IsMatch(c.Line)).ToList();

        Assert.Equal(6, invocations.Count);
        Assert.All(invocations, c => Assert.True(c.Line.Contains("--raw-html sanitize", StringComparison.Ordinal), $"{c.Name}: {c.Line}"));
        Assert.Contains(invocations, c => c.Line.EndsWith("-- build --raw-html sanitize --output \"$OUT/head-site\"", StringComparison.Ordinal));
        // Without it only for the base, and only when the base's tool predates the option (it refuses it with exit 2).
        Assert.Equal(
            ["Build the base site", "Lint the head and the base to files (SARIF and JSON)"],
            lines.Where(c => c.Line.StartsWith("if [ \"$status\" -eq 2 ]", StringComparison.Ordinal)).Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_run_script_of_the_preview_workflow_is_valid_bash()
    {
        foreach (var (name, run) in Steps("pr-preview.yml", "build"))
        {
            var script = Path.Combine(Path.GetTempPath(), $"roadmap-docs-step-{Guid.NewGuid():N}.sh");
            File.WriteAllText(script, Expression().Replace(run, "x"));
            using var bash = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
            var errors = bash.StandardError.ReadToEnd();
            bash.WaitForExit();
            File.Delete(script);
            Assert.True(bash.ExitCode == 0, $"{name}: {errors}");
        }
    }

    /// <summary>Each step of a job that runs a command: its name and script.</summary>
    private static List<(string Name, string Run)> Steps(string file, string job) =>
        [.. ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Load(file)["jobs"])[job])["steps"]).Children.OfType<YamlMappingNode>()
            .Where(step => step.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(step => (step.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? n.ToString() : "(unnamed)", step["run"].ToString()))];

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, file)));
        yaml.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode);
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+(/[A-Za-z0-9._/-]+)?@v[0-9]+$")]
    private static partial Regex PinnedAction();

    /// <summary>A line that runs the tool's build or lint, directly or through the step's helper function.</summary>
    [GeneratedRegex(@"^(dotnet run .* -- (build|lint) |(build|lint) --)")]
    private static partial Regex ToolInvocation();

    [GeneratedRegex(@"\$\{\{[^}]*\}\}")]
    private static partial Regex Expression();
}
