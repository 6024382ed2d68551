using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Input;

/// <summary>How "last updated" is found for a page.</summary>
public enum SourceDates
{
    /// <summary>The last git commit that touched the file, else the file's modification time.</summary>
    Git,

    /// <summary>The file's modification time.</summary>
    FileTime,

    /// <summary>No date (reproducible output for tests and diffs).</summary>
    None,
}

/// <summary>The dates <c>git log</c> gave one build: absolute path → date of the newest commit touching the file.</summary>
public sealed record CommitDates(IReadOnlyDictionary<string, DateTimeOffset> ByPath);

/// <summary>
/// Sets <see cref="Document.LastUpdated"/>: one <c>git log</c> for the whole input folder, not one per file. The dates
/// are published as <see cref="CommitDates"/>; dates already published (a one-page refresh brings the last build's,
/// taken at the same commit) are used instead of running git again.
/// </summary>
public sealed class ReadSourceDates(SourceDates mode) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        if (mode == SourceDates.None)
        {
            return Task.FromResult(inputs);
        }
        var root = context.Environment.InputRoot;
        IReadOnlyDictionary<string, DateTimeOffset> commits = new Dictionary<string, DateTimeOffset>();
        if (mode == SourceDates.Git)
        {
            var known = context.TryGet<CommitDates>() ?? new CommitDates(GitDates(root));
            context.Publish(known);
            commits = known.ByPath;
        }
        return Task.FromResult(inputs.Select(doc =>
        {
            if (!doc.IsPage || doc.Source.Length == 0)
            {
                return doc;
            }
            var full = Path.Combine(root, doc.Source);
            var date = commits.TryGetValue(Path.GetFullPath(full), out var committed)
                ? committed
                : new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero);
            return doc with { LastUpdated = date };
        }).ToImmutableArray());
    }

    /// <summary>Absolute path → date of the newest commit touching it; empty when git or the repository is not there.</summary>
    private static Dictionary<string, DateTimeOffset> GitDates(string root)
    {
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var top = Run(root, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(top))
        {
            return dates;
        }
        var log = Run(root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", ".");
        if (log is null)
        {
            return dates;
        }
        DateTimeOffset current = default;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith('@') && long.TryParse(line.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                current = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            else if (line.Length > 0)
            {
                dates.TryAdd(Path.GetFullPath(Path.Combine(top, line)), current);
            }
        }
        return dates;
    }

    private static string? Run(string workingDirectory, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
