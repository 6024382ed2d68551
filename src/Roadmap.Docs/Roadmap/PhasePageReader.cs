using Markdig.Syntax;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Reads a <c>kind: phase</c> page: <c>phase</c>, <c>weeks</c>, <c>depends_on</c>, <c>owner</c> and <c>status</c> from
/// front matter; Objectives, Deliverables, Dependencies and Success metrics from the body's headings.
/// </summary>
internal static class PhasePageReader
{
    public static Phase? Read(Document document, DiagnosticBag diagnostics)
    {
        var front = document.FrontMatter;
        var file = document.Source;
        var number = front.GetInt("phase");
        if (number is null or < 1)
        {
            var at = front.Get("phase");
            diagnostics.Error(file, at?.Line ?? 1, at?.Column ?? 1, RoadmapRules.PhaseNumberMissing,
                "a phase page needs a positive 'phase' number in its front matter", "add for example 'phase: 3'");
            return null;
        }
        if (!WeekRange.TryParse(front.GetString("weeks"), out var weeks, out var weeksError))
        {
            var at = front.Get("weeks");
            diagnostics.Error(file, at?.Line ?? front.LineOf("phase", 1), at?.Column ?? 1, RoadmapRules.WeeksInvalid,
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
            diagnostics.Warning(document.Source, at.Line, at.Column, RoadmapRules.StatusUnknown,
                $"unknown status '{written}'; it is worked out from the deliverables instead", "use planned, in-progress, done or blocked");
        }
        return status;
    }

    private static string TitleOf(Document document, MarkdownBody body, int number)
    {
        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            return document.Title;
        }
        if (document.FrontMatter.GetString("title") is { Length: > 0 } title)
        {
            return title;
        }
        return body.Blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { } h1
            ? MarkdownBody.PlainText(h1)
            : "Phase " + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
