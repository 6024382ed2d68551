using System.Globalization;
using System.Text.RegularExpressions;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Reads the phases of one roadmap document in the seed's form: a "### Phase N: Title (Weeks a-b)" heading per
/// phase, with bold-labelled lists ("**Deliverables**:") under it up to the next heading of the same level.
/// </summary>
internal static partial class RoadmapDocumentReader
{
    /// <summary>
    /// True when some heading reads "Phase N: Title (Weeks …)". The weeks are required here so a page that merely
    /// has a "## Phase 1 recap" heading is not taken for a roadmap.
    /// </summary>
    public static bool IsRoadmap(Document document) =>
        document.SourceText.Contains("Phase", StringComparison.OrdinalIgnoreCase)
        && RoadmapHeadingLine().IsMatch(document.SourceText);

    public static IEnumerable<Phase> ReadPhases(Document document, MarkdownBody body, DiagnosticBag diagnostics)
    {
        foreach (var (heading, blocks) in body.Sections(h => PhaseHeading().IsMatch(MarkdownBody.PlainText(h))))
        {
            var match = PhaseHeading().Match(MarkdownBody.PlainText(heading));
            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var line = body.LineOf(heading);
            if (!WeekRange.TryParse(match.Groups["weeks"].Value, out var weeks, out var error))
            {
                diagnostics.Report(RoadmapRules.WeeksInvalid, body.SourceFile, line, 1,
                    $"phase {number} has no usable week range: {error}", "end the heading with the weeks, like '(Weeks 3-4)'");
                continue;
            }
            var content = PhaseSections.Read(body, blocks);
            yield return new Phase
            {
                Number = number,
                Title = match.Groups["title"].Value,
                Weeks = weeks,
                Owner = content.Owner,
                Status = content.StatusOrDerived,
                Objectives = content.Objectives,
                Deliverables = content.Deliverables,
                Dependencies = content.Dependencies,
                SuccessMetrics = content.SuccessMetrics,
                SourceFile = body.SourceFile,
                Line = line,
                Url = UrlOf(document, line),
            };
        }
    }

    /// <summary>The page, plus the heading's anchor when the Content stage has already given headings their ids.</summary>
    private static string UrlOf(Document document, int line) =>
        document.Headings.FirstOrDefault(h => h.Line == line) is { Id.Length: > 0 } heading
            ? document.Destination + "#" + heading.Id
            : document.Destination;

    // "Phase 3: Python Modernization (Weeks 5-7)"; also "Phase 3 – Python…" and "Phase 3. Python…".
    [GeneratedRegex(@"^Phase\s+(?<n>\d+)\s*[:.\u2013\u2014-]\s*(?<title>.*?)\s*(?:\((?<weeks>[^()]*)\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhaseHeading();

    [GeneratedRegex(@"^#{1,6}[ \t]+Phase[ \t]+\d+[ \t]*[:.\u2013\u2014-].*\([ \t]*weeks?\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RoadmapHeadingLine();
}
