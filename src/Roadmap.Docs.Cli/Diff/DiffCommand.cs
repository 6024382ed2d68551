using System.CommandLine;
using System.Text.Json;
using Roadmap.Docs.Stages.Diff;

namespace Roadmap.Docs.Cli.Diff;

/// <summary>The <c>diff</c> command: what a pull request changes in the built site, as a PR comment (markdown) or JSON.</summary>
public static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var baseSite = new Argument<string>("base-site") { Description = "The site built from the base branch." };
        var headSite = new Argument<string>("head-site") { Description = "The site built from the pull request." };
        var format = new Option<string>("--format", "-f") { Description = "markdown (a PR comment) or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var baseLint = new Option<string?>("--base-lint") { Description = "The base branch's 'lint --format json' output." };
        var headLint = new Option<string?>("--head-lint") { Description = "The pull request's 'lint --format json' output." };
        var previewUrl = new Option<string?>("--preview-url") { Description = "Where the head site is published; pages link into it." };

        var command = new Command("diff", "Compare two built sites: pages added, removed and changed, checklist progress, lint introduced and fixed.")
        {
            baseSite, headSite, format, baseLint, headLint, previewUrl,
        };
        command.SetAction((result, _) => RunAsync(
            new DiffRequest(result.GetValue(baseSite)!, result.GetValue(headSite)!, result.GetValue(format)!, result.GetValue(baseLint), result.GetValue(headLint), result.GetValue(previewUrl)),
            stdout, stderr));
        return command;
    }

    private sealed record DiffRequest(string BaseSite, string HeadSite, string Format, string? BaseLint, string? HeadLint, string? PreviewUrl);

    private static async Task<int> RunAsync(DiffRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (Problem(request) is { } problem)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return CliApp.ExitUsage;
        }
        SiteDiffResult diff;
        try
        {
            var baseLint = request.BaseLint is null ? null : LintReport.Read(request.BaseLint);
            var headLint = request.HeadLint is null ? null : LintReport.Read(request.HeadLint);
            diff = SiteDiff.Compare(SiteSnapshot.Read(request.BaseSite), SiteSnapshot.Read(request.HeadSite), baseLint, headLint);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return CliApp.ExitFailed;
        }
        await stdout.WriteAsync(request.Format == "json" ? DiffJson.Write(diff) : DiffMarkdown.Write(diff, request.PreviewUrl));
        return CliApp.ExitOk;
    }

    private static string? Problem(DiffRequest request)
    {
        foreach (var site in new[] { request.BaseSite, request.HeadSite })
        {
            if (!Directory.Exists(site))
            {
                return $"the site folder '{site}' does not exist (build it first)";
            }
        }
        if ((request.BaseLint is null) != (request.HeadLint is null))
        {
            return "give both --base-lint and --head-lint, or neither";
        }
        foreach (var lint in new[] { request.BaseLint, request.HeadLint }.OfType<string>())
        {
            if (!File.Exists(lint))
            {
                return $"the lint file '{lint}' does not exist";
            }
        }
        if (request.PreviewUrl is not null && !(Uri.TryCreate(request.PreviewUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            return $"--preview-url '{request.PreviewUrl}' is not an http(s) URL";
        }
        return null;
    }
}
