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

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, file)));
        yaml.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode);
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+(/[A-Za-z0-9._/-]+)?@v[0-9]+$")]
    private static partial Regex PinnedAction();
}
