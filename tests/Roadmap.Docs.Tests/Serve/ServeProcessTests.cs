using System.Diagnostics;
using System.Globalization;

namespace Roadmap.Docs.Tests.Serve;

/// <summary>The <c>serve</c> command as a user runs it: a child process that prints its URL, serves, and stops cleanly on a signal.</summary>
public class ServeProcessTests
{
    [Fact]
    public async Task The_command_prints_its_url_serves_and_stops_cleanly_on_a_termination_signal()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("sends a POSIX signal");
        }
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\n---\nServed by a child process.\n");
        TestInputs.FillThemeGap(temp.Combine("input"));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(ServeSession.Timeout);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "roadmap-docs.dll"), "serve", "--port", "0", "--theme", TestPaths.Theme })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        // Read alongside stdout (a full pipe would block the child), and shown when the exit code is wrong: a crash says why there.
        var errors = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            var url = await ServingUrlAsync(process.StandardOutput, cts.Token);
            using var http = new HttpClient();
            Assert.Contains("Served by a child process.", await http.GetStringAsync(url, cts.Token), StringComparison.Ordinal);

            // SIGTERM rather than SIGINT: a shell that starts the test runner in the background makes its children ignore SIGINT.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cts.Token);
            }
            var rest = await process.StandardOutput.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);

            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; stderr:\n{await errors}");
            Assert.Contains("Stopping.", rest, StringComparison.Ordinal);
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Reads the command's output up to its "Serving at URL" line.</summary>
    private static async Task<string> ServingUrlAsync(StreamReader output, CancellationToken cancellationToken)
    {
        const string serving = "Serving at ";
        while (await output.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(serving, StringComparison.Ordinal))
            {
                return line[serving.Length..].Split(' ')[0];
            }
        }
        throw new InvalidOperationException("the command ended without printing its URL");
    }
}
