using System.Text.RegularExpressions;
using Markdig.Syntax;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Reads risks under "High-risk items" / "Medium-Risk Items" / "Low risks" headings (any level, any case):
/// each list item is a risk, its first line the title, its "Risk:", "Mitigation:", "Owner:", "Timeline:" sub-bullets the details.
/// </summary>
internal static partial class RiskReader
{
    public static IEnumerable<Risk> Read(MarkdownBody body, DiagnosticBag diagnostics)
    {
        foreach (var (heading, blocks) in body.Sections(h => LevelOf(h) is not null))
        {
            var level = LevelOf(heading)!.Value;
            foreach (var item in blocks.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()))
            {
                var (title, _, _) = MarkdownBody.ItemText(item);
                if (title.Length > 0)
                {
                    yield return ReadItem(body, item, title.TrimEnd(':').Trim(), level, diagnostics);
                }
            }
        }
    }

    private static Risk ReadItem(MarkdownBody body, ListItemBlock item, string title, RiskLevel level, DiagnosticBag diagnostics)
    {
        string? description = null, mitigation = null, owner = null, timeline = null;
        WeekRange? weeks = null;
        foreach (var detail in item.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()))
        {
            var (text, _, _) = MarkdownBody.ItemText(detail);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var value = text[(colon + 1)..].Trim();
            switch (text[..colon].Trim().ToUpperInvariant())
            {
                case "RISK" or "DESCRIPTION" or "IMPACT":
                    description = value;
                    break;
                case "MITIGATION":
                    mitigation = value;
                    break;
                case "OWNER":
                    owner = value;
                    break;
                case "TIMELINE" or "WHEN" or "WEEKS":
                    timeline = value;
                    if (WeekRange.TryParse(value, out var range, out var error))
                    {
                        weeks = range;
                    }
                    else if (value.Any(char.IsDigit))
                    {
                        // "Ongoing" is a fine timeline; "Week 7-5" is a typo worth pointing at.
                        diagnostics.Report(RoadmapRules.RiskTimelineInvalid, body.SourceFile, body.LineOf(detail), MarkdownBody.ColumnOf(detail),
                            $"risk '{title}' has a timeline that is not a week range: {error}");
                    }
                    break;
            }
        }
        return new Risk(title, level, description, mitigation, owner, timeline, weeks, body.SourceFile, body.LineOf(item));
    }

    private static RiskLevel? LevelOf(HeadingBlock heading)
    {
        var match = LevelHeading().Match(MarkdownBody.PlainText(heading));
        return !match.Success ? null : match.Groups["level"].Value.ToUpperInvariant() switch
        {
            "HIGH" => RiskLevel.High,
            "MEDIUM" => RiskLevel.Medium,
            _ => RiskLevel.Low,
        };
    }

    [GeneratedRegex(@"^(?<level>high|medium|low)[\s-]*risks?(?:[\s-]+items)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LevelHeading();
}
