using System.Diagnostics;
using System.Globalization;
using Roadmap.Docs.Benchmarks;
using Roadmap.Docs.Tests.Serve;

namespace Roadmap.Docs.Tests.Faults;

/// <summary>The built <c>roadmap-docs</c> run as a real child process (<c>dotnet roadmap-docs.dll …</c>), its output drained as it comes.</summary>
internal sealed class CliProcess : IDisposable
{
    private CliProcess(Process process)
    {
        Process = process;
        Stdout = process.StandardOutput.ReadToEndAsync();
        Stderr = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public Task<string> Stdout { get; }

    public Task<string> Stderr { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "roadmap-docs.dll");

    /// <summary>Starts <c>[wrapper…] dotnet roadmap-docs.dll args…</c>; a wrapper such as <c>env --default-signal=INT</c> execs the CLI in the same process.</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyList<string> wrapper, params string[] args)
    {
        var command = wrapper.Count > 0 ? wrapper[0] : "dotnet";
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in wrapper.Skip(1).Concat(wrapper.Count > 0 ? ["dotnet"] : []).Concat([Dll]).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>A build of <paramref name="input"/> into <paramref name="output"/> with the repository's theme.</summary>
    public static CliProcess Build(string input, string output, IReadOnlyList<string>? wrapper = null) =>
        Start(Path.GetDirectoryName(output)!, wrapper ?? [], "build", "--input", input, "--output", output, "--theme", TestPaths.Theme, "--verbosity", "quiet");

    public async Task<int> ExitCodeAsync(CancellationToken cancellationToken)
    {
        await Process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(Stdout, Stderr);
        return Process.ExitCode;
    }

    /// <summary>Sends a POSIX signal with kill(1), as a terminal or a supervisor would.</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>
    /// Waits until the build is writing its site: a staging folder beside <paramref name="output"/> holds at least
    /// <paramref name="files"/> files besides the marker. Polls the file system (bounded by the token); fails if the build ends first.
    /// </summary>
    public async Task<string> MidWriteAsync(string output, int files, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(output)!;
        var pattern = $".{Path.GetFileName(output)}.staging-*";
        while (true)
        {
            if (Process.HasExited)
            {
                Assert.Fail($"the build ended (exit {Process.ExitCode}) before it was caught writing; stderr: {await Stderr}");
            }
            foreach (var staging in Directory.EnumerateDirectories(parent, pattern))
            {
                if (CountFiles(staging) > files)
                {
                    return staging;
                }
            }
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Waits until a staging folder beside <paramref name="output"/> exists: the build holds the output lock.</summary>
    public async Task HoldsLockAsync(string output, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(output)!;
        while (!Directory.EnumerateDirectories(parent, $".{Path.GetFileName(output)}.staging-*").Any())
        {
            Assert.False(Process.HasExited, "the build ended before it took the lock");
            await Task.Delay(5, cancellationToken);
        }
    }

    private static int CountFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        Process.Dispose();
    }
}

/// <summary>A generated knowledge base big enough that a build is still writing when the test acts (made once for the collection).</summary>
public sealed class BigCorpus : IDisposable
{
    public const int Pages = 500;

    private readonly TempFolder _temp = TestPaths.NewTempFolder();

    public BigCorpus()
    {
        Input = CorpusGenerator.Generate(_temp.Combine("big"), Pages, seed: 11).Root;
        TestInputs.FillThemeGap(Input);
        Small = _temp.Combine("small");
        Directory.CreateDirectory(Small);
        File.WriteAllText(Path.Combine(Small, "index.md"), "---\ntitle: Home\n---\nThe previous site.\n");
        File.WriteAllText(Path.Combine(Small, "notes.md"), "---\ntitle: Notes\n---\nKept while a build fails.\n");
        TestInputs.FillThemeGap(Small);
    }

    /// <summary>The generated knowledge base.</summary>
    public string Input { get; }

    /// <summary>A two-page knowledge base, for the previous site.</summary>
    public string Small { get; }

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class CliFaultsGroup : ICollectionFixture<BigCorpus>
{
    /// <summary>One at a time: each test runs real builds whose timing matters.</summary>
    public const string Name = "CLI faults";
}
