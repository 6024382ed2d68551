namespace Roadmap.Docs.Stages.Output;

/// <summary>
/// The output folder, handled so a user never loses anything: the build writes into a staging folder beside it,
/// and only a complete build is swapped in. Only folders the tool made (marked with <see cref="MarkerFile"/>) are ever replaced or deleted.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    public const string MarkerFile = ".roadmap-docs-output";

    private readonly FileStream _lock;
    private bool _committed;

    private OutputFolder(string target, string staging, FileStream lockFile)
    {
        Target = target;
        Staging = staging;
        _lock = lockFile;
    }

    /// <summary>The folder the finished site goes to.</summary>
    public string Target { get; }

    /// <summary>Where this build writes until it commits.</summary>
    public string Staging { get; }

    /// <summary>Why <paramref name="output"/> must not be used as an output folder, or null when it is fine.</summary>
    public static string? Refusal(string output, string input)
    {
        var target = Normalize(output);
        var source = Normalize(input);
        if (target == Normalize(Path.GetPathRoot(target) ?? "/"))
        {
            return $"refusing to write the site to the file-system root '{output}'";
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && target == Normalize(home))
        {
            return $"refusing to write the site to the home folder '{output}'";
        }
        if (target == source)
        {
            return $"the output folder '{output}' is the input folder";
        }
        if (IsInside(source, target))
        {
            return $"the output folder '{output}' contains the input folder '{input}'";
        }
        if (IsInside(target, source))
        {
            return $"the output folder '{output}' is inside the input folder '{input}'; it would be read as input next time";
        }
        if (Directory.Exists(Path.Combine(target, ".git")))
        {
            return $"the output folder '{output}' is the root of a git repository";
        }
        if (Directory.Exists(target) && !File.Exists(Path.Combine(target, MarkerFile)) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return $"the output folder '{output}' already holds files this tool did not write; choose an empty or new folder";
        }
        return null;
    }

    /// <summary>Takes the output lock (a second build on the same folder fails clearly) and creates a fresh staging folder.</summary>
    /// <exception cref="IOException">Another build holds the lock.</exception>
    public static OutputFolder Begin(string output)
    {
        var target = Normalize(output);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(parent, $".{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new IOException($"another build is writing to '{output}' (lock file .{name}.lock is held); wait for it to finish", ex);
        }
        RemoveLeftovers(parent, name);
        var staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, MarkerFile), "Written by roadmap-docs. This folder is replaced on every build.\n");
        return new OutputFolder(target, staging, lockFile);
    }

    /// <summary>Swaps the staging folder in: the old site is moved aside first and deleted only after the new one is in place.</summary>
    public void Commit()
    {
        var parent = Path.GetDirectoryName(Target)!;
        var name = Path.GetFileName(Target);
        string? old = null;
        if (Directory.Exists(Target))
        {
            old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.Move(Target, old);
        }
        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            if (old is not null)
            {
                Directory.Move(old, Target);
            }
            throw;
        }
        _committed = true;
        if (old is not null)
        {
            TryDelete(old);
        }
    }

    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(Staging);
        }
        _lock.Dispose();
    }

    /// <summary>Staging and old folders left by a build that was killed: ours only (they carry the marker).</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var leaf = Path.GetFileName(dir);
            if ((leaf.StartsWith($".{name}.staging-", StringComparison.Ordinal) || leaf.StartsWith($".{name}.old-", StringComparison.Ordinal))
                && File.Exists(Path.Combine(dir, MarkerFile)))
            {
                TryDelete(dir);
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next build's RemoveLeftovers.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static bool IsInside(string child, string parent) =>
        child.StartsWith(parent.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Normalize(string path) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) is { Length: > 0 } p ? p : Path.GetFullPath(path);
}
