using System.Diagnostics;
using System.Globalization;

namespace Roadmap.Docs.Benchmarks;

/// <summary>One finished child process: wall time from start to exit, CPU time (user + system, when known), peak resident memory, exit code and output.</summary>
internal sealed record ProcessRun(TimeSpan Wall, TimeSpan? Cpu, long PeakBytes, int ExitCode, string Output, string Error);

/// <summary>Runs a program as a child process and measures its wall time and peak memory (Linux).</summary>
internal static class Measure
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>How peak memory is measured, for the report.</summary>
    public static string MemoryMethod => File.Exists(GnuTime)
        ? "peak RSS = ru_maxrss of the child, read by `/usr/bin/time -v` (wait4)"
        : "peak RSS = VmHWM of the child, polled every 20 ms from /proc/<pid>/status (/usr/bin/time not found)";

    /// <summary>
    /// Runs <paramref name="program"/> to completion. With GNU time present the program runs under <c>/usr/bin/time -v -o file</c>,
    /// which reports the kernel's exact high-water mark after exit; otherwise VmHWM is polled while it runs and may miss a last peak.
    /// </summary>
    public static ProcessRun Run(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var timeFile = File.Exists(GnuTime) ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(timeFile is null ? program : GnuTime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (timeFile is not null)
        {
            foreach (var arg in new[] { "-v", "-o", timeFile, program })
            {
                start.ArgumentList.Add(arg);
            }
        }
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long polled = 0;
        while (!process.WaitForExit(20))
        {
            if (timeFile is null)
            {
                polled = Math.Max(polled, PeakBytes(process.Id));
            }
        }
        process.WaitForExit();
        stopwatch.Stop();

        var peak = polled;
        TimeSpan? cpu = null;
        if (timeFile is not null)
        {
            var report = File.ReadAllLines(timeFile);
            File.Delete(timeFile);
            peak = (long)(TimeValue(report, "Maximum resident set size (kbytes):") * 1024);
            cpu = TimeSpan.FromSeconds(TimeValue(report, "User time (seconds):") + TimeValue(report, "System time (seconds):"));
        }
        return new ProcessRun(stopwatch.Elapsed, cpu, peak, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>VmHWM (peak resident set size) of a running process, or of this one with "self"; 0 when unreadable.</summary>
    public static long PeakBytes(int pid) => PeakBytes(pid.ToString(CultureInfo.InvariantCulture));

    public static long PeakBytes(string pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : KibToBytes(line["VmHWM:".Length..]);
        }
        catch (IOException)
        {
            return 0; // The process has just exited.
        }
    }

    public static long DirectoryBytes(string folder) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : 0;

    public static int FileCount(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Count() : 0;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The full path of a program found on PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>A number from GNU time's -v report, whose lines read "\tMaximum resident set size (kbytes): 123456".</summary>
    private static double TimeValue(string[] report, string key)
    {
        var line = report.FirstOrDefault(l => l.Contains(key, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.IndexOf(key, StringComparison.Ordinal) + key.Length)..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work competing for the cores shows up in wall times.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static long KibToBytes(string text) =>
        long.Parse(text.Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
}
