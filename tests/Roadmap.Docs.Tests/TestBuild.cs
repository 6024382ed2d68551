using Roadmap.Docs.Stages.Input;

namespace Roadmap.Docs.Tests;

/// <summary>Runs real builds for tests: fixed clock, no file dates, the repository's theme.</summary>
public static class TestBuild
{
    public static readonly DateTimeOffset FixedNow = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static BuildOptions Options(string input, string output) => new(input, output, TestPaths.Theme)
    {
        Clock = new FixedClock(FixedNow),
        Dates = SourceDates.None,
    };

    public static Task<BuildResult> RunAsync(string input, string output, CancellationToken cancellationToken = default) =>
        SiteBuild.RunAsync(Options(input, output), cancellationToken);

    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
