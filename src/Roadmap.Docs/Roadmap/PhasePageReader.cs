using Markdig.Syntax;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Reads a <c>kind: phase</c> page: <c>phase</c>, <c>weeks</c>, <c>depends_on</c>, <c>owner</c> and <c>status</c> from
/// front matter; Objectives, Deliverables, Dependencies and Success metrics from the body's headings.
/// </summary>
internal static partial class PhasePageReader
{
    public static Phase? Read(Document document, DiagnosticBag diagnostics)
    {
        var front = document.FrontMatter;
        var file = document.Source;
        var number = front.GetInt("phase");
        if (number is null or < 1)
        {
            var at = front.Get("phase");
            diagnostics.Report(RoadmapRules.PhaseNumberMissing, file, at?.Line ?? 1, at?.Column ?? 1,
                "a phase page needs a positive 'phase' number in its front matter", "add for example 'phase: 3'");
            return null;
        }
        if (!WeekRange.TryParse(front.GetString("weeks"), out var weeks, out var weeksError))
        {
            var at = front.Get("weeks");
            diagnostics.Report(RoadmapRules.WeeksInvalid, file, at?.Line ?? front.LineOf("phase", 1), at?.Column ?? 1,
                $"phase {number}: 'weeks' is wrong: {weeksError}");
            return null;
        }

        var body = new MarkdownBody(document);
        var content = PhaseSections.Read(body, body.Blocks);
        var dependencies = front.GetItems("depends_on")
            .Select(item => new Dependency((string)item.Value!, file, item.Line, item.Column))
            .Concat(content.Dependencies);
        return new Phase
        {
            Number = number.Value,
            Title = TitleOf(document, body, number.Value),
            Weeks = weeks,
            Owner = front.GetString("owner") ?? content.Owner,
            Status = StatusOf(document, diagnostics) ?? content.StatusOrDerived,
            Objectives = content.Objectives,
            Deliverables = content.Deliverables,
            Dependencies = [.. dependencies],
            SuccessMetrics = content.SuccessMetrics,
            SourceFile = file,
            Line = front.LineOf("phase", 1),
            Url = document.Destination,
        };
    }

    private static PhaseStatus? StatusOf(Document document, DiagnosticBag diagnostics)
    {
        var written = document.FrontMatter.GetString("status");
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }
        var status = PhaseSections.ParseStatus(written);
        if (status is null)
        {
            var at = document.FrontMatter.Get("status")!;
            diagnostics.Report(RoadmapRules.StatusUnknown, document.Source, at.Line, at.Column,
                $"unknown status '{written}'; it is worked out from the deliverables instead", "use planned, in-progress, done or blocked");
        }
        return status;
    }

    /// <summary>The phase's own name: a page titled "Phase 3: Python Modernization" gives "Python Modernization", as the seed form does.</summary>
    private static string TitleOf(Document document, MarkdownBody body, int number)
    {
        var title = !string.IsNullOrWhiteSpace(document.Title) ? document.Title
            : document.FrontMatter.GetString("title") is { Length: > 0 } written ? written
            : body.Blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { } h1 ? MarkdownBody.PlainText(h1)
            : "";
        var prefix = PhasePrefix().Match(title);
        if (prefix.Success && prefix.Length < title.Length)
        {
            title = title[prefix.Length..];
        }
        return title.Length > 0 ? title : "Phase " + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*Phase\s+\d+\s*[:.\-–—]\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PhasePrefix();
}
