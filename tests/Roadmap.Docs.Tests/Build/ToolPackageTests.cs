using System.Diagnostics;

namespace Roadmap.Docs.Tests.Build;

/// <summary>
/// The CLI as a user who installs it gets it: packed as a .NET tool, installed into a tool folder, run far from this
/// repository, where the theme it needs is the one in the package.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task The_installed_tool_builds_a_site_with_the_theme_from_its_package()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var temp = TestPaths.NewTempFolder();
        // A version no other run used: the tool installer must take this package, not one it kept from an earlier run.
        var version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp.Combine("nuget-packages") };

        // The CLI the tests were built with (same configuration), packed as it would be published.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        await RunAsync(TestPaths.RepoRoot, environment,
            "dotnet", ["pack", Path.Combine("src", "Roadmap.Docs.Cli"), "--no-build", "-c", configuration, "-o", temp.Combine("packages"), $"-p:PackageVersion={version}"], cancel.Token);
        // The package is in a local folder: an unreachable remote feed (an offline machine) must not fail the install.
        await RunAsync(temp.Path, environment,
            "dotnet", ["tool", "install", "Roadmap.Docs.Cli", "--version", version, "--tool-path", temp.Combine("tools"), "--add-source", temp.Combine("packages"), "--ignore-failed-sources"], cancel.Token);

        temp.Write("kb/site.yml", "title: Installed\n");
        temp.Write("kb/index.md", "---\ntitle: Home\n---\n\n# Home\n\nSee the [runbook](runbooks/restart.md#steps).\n");
        temp.Write("kb/runbooks/restart.md", "---\ntitle: Restart\n---\n\n## Steps\n\n1. Restart the worker.\n");
        var output = await RunAsync(temp.Path, environment,
            temp.Combine("tools", "roadmap-docs"), ["build", "--input", "kb", "--output", "site", "--strict"], cancel.Token);

        Assert.Contains(" pages, 0 warnings, 0 errors", output, StringComparison.Ordinal);
        var site = temp.Combine("site");
        // The layouts, the theme's own assets and lunr.js all came from the package.
        Assert.Contains("<nav", await File.ReadAllTextAsync(Path.Combine(site, "runbooks", "restart", "index.html"), cancel.Token), StringComparison.Ordinal);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(TestPaths.Theme, "assets", "css", "site.css"), cancel.Token),
            await File.ReadAllTextAsync(Path.Combine(site, "assets", "css", "site.css"), cancel.Token));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(TestPaths.Theme, "node_modules", "lunr", "lunr.min.js"), cancel.Token),
            await File.ReadAllTextAsync(Path.Combine(site, "assets", "js", "lunr.min.js"), cancel.Token));
        Assert.True(File.Exists(Path.Combine(site, "search", "manifest.js")));
    }

    /// <summary>Runs a command to its end and returns its output; fails with both streams when it exits non-zero.</summary>
    private static async Task<string> RunAsync(string workingDirectory, Dictionary<string, string> environment, string command, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
