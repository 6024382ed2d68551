namespace Roadmap.Docs.Stages.Output;

/// <summary>
/// The output folder, handled so a user never loses anything: the build writes into a staging folder beside it,
/// and only a complete build is swapped in. Only folders the tool made (marked with <see cref="MarkerFile"/>) are ever replaced or deleted.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    public const string MarkerFile = ".roadmap-docs-output";

    // errno values (Linux; macOS where they differ) and Windows HRESULTs that IOException.HResult carries.
    private const int EWOULDBLOCKLinux = 11;
    private const int EWOULDBLOCKMac = 35;
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int EDQUOTLinux = 122;
    private const int EDQUOTMac = 69;
    private const int ErrorSharingViolation = unchecked((int)0x80070020);
    private const int ErrorLockViolation = unchecked((int)0x80070021);
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    private readonly FileStream _lock;
    private readonly string _lockPath;
    private bool _committed;

    private OutputFolder(string target, string staging, string lockPath, FileStream lockFile)
    {
        Target = target;
        Staging = staging;
        _lockPath = lockPath;
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

    /// <summary>
    /// Takes the output lock (a second build on the same folder fails clearly), tidies up after a build that was
    /// killed, and creates a fresh staging folder.
    /// </summary>
    /// <exception cref="IOException">Another build holds the lock, or the folder beside the output cannot be written (the message says which, naming the folder).</exception>
    public static OutputFolder Begin(string output)
    {
        var target = Normalize(output);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        var lockPath = Path.Combine(parent, $".{name}.lock");
        var lockFile = Guarded(output, parent, () =>
        {
            Directory.CreateDirectory(parent);
            return TakeLock(output, lockPath);
        });
        try
        {
            var staging = Guarded(output, parent, () =>
            {
                RestoreInterruptedSwap(parent, name, target);
                RemoveLeftovers(parent, name);
                var staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Directory.CreateDirectory(staging);
                File.WriteAllText(Path.Combine(staging, MarkerFile), "Written by roadmap-docs. This folder is replaced on every build.\n");
                return staging;
            });
            return new OutputFolder(target, staging, lockPath, lockFile);
        }
        catch
        {
            Release(lockPath, lockFile);
            throw;
        }
    }

    /// <summary>True when <paramref name="ex"/> means nothing more can be written to that disk: it is full, over quota or read-only.</summary>
    public static bool IsOutOfRoom(IOException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.HResult is ENOSPC or EROFS or EDQUOTLinux or EDQUOTMac or ErrorDiskFull or ErrorHandleDiskFull;
    }

    /// <summary>Swaps the staging folder in: the old site is moved aside first and deleted only after the new one is in place.</summary>
    /// <remarks>A build killed between the two moves leaves no site and the old one aside; the next <see cref="Begin"/> puts it back.</remarks>
    public void Commit()
    {
        var parent = Path.GetDirectoryName(Target)!;
        var name = Path.GetFileName(Target);
        string? old = null;
        Guarded(Target, parent, () =>
        {
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
            return true;
        });
        _committed = true;
        if (old is not null)
        {
            DeleteOurs(old);
        }
    }

    public void Dispose()
    {
        if (!_committed)
        {
            DeleteOurs(Staging);
        }
        Release(_lockPath, _lock);
    }

    /// <summary>
    /// Opens and locks the lock file. The build that held it deletes the file as it lets go, so the file this open
    /// found may be gone by the time the lock is granted, and a lock on a deleted file guards nothing. So the lock
    /// stamps its file with a random time through the handle and reads the time back by path: equal only when the
    /// path still names the locked file; otherwise it tries again.
    /// </summary>
    private static FileStream TakeLock(string output, string lockPath)
    {
        for (var attempt = 1; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException ex) when (ex.HResult is EWOULDBLOCKLinux or EWOULDBLOCKMac or ErrorSharingViolation or ErrorLockViolation)
            {
                throw new IOException($"another build is writing to '{output}' (lock file {Path.GetFileName(lockPath)} is held); wait for it to finish", ex);
            }
            var stamp = DateTime.UnixEpoch.AddSeconds(Random.Shared.Next()).AddTicks(Random.Shared.Next((int)TimeSpan.TicksPerSecond));
            File.SetLastWriteTimeUtc(stream.SafeFileHandle, stamp);
            if (File.GetLastWriteTimeUtc(stream.SafeFileHandle) == File.GetLastWriteTimeUtc(lockPath))
            {
                return stream;
            }
            stream.Dispose();
            if (attempt == 5)
            {
                throw new IOException($"another build is writing to '{output}' (lock file {Path.GetFileName(lockPath)} keeps changing); wait for it to finish");
            }
        }
    }

    /// <summary>Deletes the lock file while still holding it (so the path is surely this build's), then lets go.</summary>
    private static void Release(string lockPath, FileStream lockFile)
    {
        try
        {
            File.Delete(lockPath);
        }
        catch (IOException)
        {
            // The next build takes over a lock file that is left behind.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
        lockFile.Dispose();
    }

    /// <summary>A build killed between moving the old site aside and moving the new one in left no site: put the old one back.</summary>
    private static void RestoreInterruptedSwap(string parent, string name, string target)
    {
        if (Directory.Exists(target))
        {
            return;
        }
        var aside = Leftovers(parent, name, ".old-")
            .Where(dir => File.Exists(Path.Combine(dir, MarkerFile)))
            .OrderByDescending(Directory.GetLastWriteTimeUtc)
            .FirstOrDefault();
        if (aside is not null)
        {
            Directory.Move(aside, target);
        }
    }

    /// <summary>
    /// Staging and old folders left by a build that was killed. Ours only: they carry the marker, or are an empty
    /// staging folder (killed before the marker was written). Only the lock holder calls this, so none is in use.
    /// </summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Leftovers(parent, name, ".staging-").Concat(Leftovers(parent, name, ".old-")))
        {
            if (File.Exists(Path.Combine(dir, MarkerFile)))
            {
                DeleteOurs(dir);
            }
            else if (!Directory.EnumerateFileSystemEntries(dir).Any() && Path.GetFileName(dir).Contains(".staging-", StringComparison.Ordinal))
            {
                Directory.Delete(dir);
            }
        }
    }

    private static IEnumerable<string> Leftovers(string parent, string name, string kind) =>
        Directory.EnumerateDirectories(parent, $".{name}{kind}*").Where(dir => Path.GetFileName(dir).StartsWith($".{name}{kind}", StringComparison.Ordinal));

    /// <summary>Deletes a folder this tool made, its marker last, so a delete cut short still leaves a folder the next build recognises as its own.</summary>
    private static void DeleteOurs(string dir)
    {
        try
        {
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                Directory.Delete(sub, recursive: true);
            }
            foreach (var file in Directory.EnumerateFiles(dir).Where(f => Path.GetFileName(f) != MarkerFile))
            {
                File.Delete(file);
            }
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

    /// <summary>Runs a step on the folders beside the output, turning a refusal by the file system into one clear error naming the output.</summary>
    private static T Guarded<T>(string output, string parent, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"cannot write the site to '{output}': permission denied in '{parent}'", ex);
        }
        catch (IOException ex) when (IsOutOfRoom(ex))
        {
            throw new IOException($"cannot write the site to '{output}': {ex.Message}", ex);
        }
    }

    private static bool IsInside(string child, string parent) =>
        child.StartsWith(parent.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Normalize(string path) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) is { Length: > 0 } p ? p : Path.GetFullPath(path);
}
