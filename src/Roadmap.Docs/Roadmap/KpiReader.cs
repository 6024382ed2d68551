using System.Text.RegularExpressions;
using Markdig.Syntax;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Reads KPI bullets "Name: Target >= 85% (current: 78%)" under category headings: the nearest H2–H6 above a
/// bullet is its category ("Technical Metrics").
/// </summary>
internal static partial class KpiReader
{
    /// <summary>A KPIs page: every bullet of the body.</summary>
    public static IEnumerable<Kpi> ReadPage(MarkdownBody body, DiagnosticBag diagnostics) =>
        Read(body, body.Blocks, "General", diagnostics);

    /// <summary>A roadmap document: the bullets under a heading that mentions KPIs ("Success Metrics &amp; KPIs").</summary>
    public static IEnumerable<Kpi> ReadSections(MarkdownBody body, DiagnosticBag diagnostics) =>
        body.Sections(h => MarkdownBody.PlainText(h).Contains("KPI", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => Read(body, s.Blocks, MarkdownBody.PlainText(s.Heading), diagnostics));

    private static IEnumerable<Kpi> Read(MarkdownBody body, IEnumerable<Block> blocks, string category, DiagnosticBag diagnostics)
    {
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: >= 2 } heading)
            {
                category = MarkdownBody.PlainText(heading);
            }
            else if (block is ListBlock list)
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var kpi = ReadItem(body, item, category, diagnostics);
                    if (kpi is not null)
                    {
                        yield return kpi;
                    }
                }
            }
        }
    }

    private static Kpi? ReadItem(MarkdownBody body, ListItemBlock item, string category, DiagnosticBag diagnostics)
    {
        var (text, _, _) = MarkdownBody.ItemText(item);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            diagnostics.Report(RoadmapRules.KpiMalformed, body.SourceFile, body.LineOf(item), MarkdownBody.ColumnOf(item),
                $"KPI '{text}' has no target", "write it as 'Name: Target >= 85%', optionally followed by '(current: 78%)'");
            return null;
        }
        var rest = text[(colon + 1)..];
        string? current = null;
        var currentMatch = CurrentValue().Match(rest);
        if (currentMatch.Success)
        {
            current = currentMatch.Groups["value"].Value.Trim();
            rest = rest.Remove(currentMatch.Index, currentMatch.Length);
        }
        var target = TargetWord().Replace(rest.Trim(), "");
        return new Kpi(category, text[..colon].Trim(), target, current, body.SourceFile, body.LineOf(item));
    }

    [GeneratedRegex(@"\(\s*current\s*:?\s*(?<value>[^)]*)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrentValue();

    // "Target >= 85%" and "Target: A grade" keep only the target itself.
    [GeneratedRegex(@"^target\b\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TargetWord();
}
