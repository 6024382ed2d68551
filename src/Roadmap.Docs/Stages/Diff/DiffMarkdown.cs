using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Stages.Diff;

/// <summary>Writes a <see cref="SiteDiffResult"/> as a pull request comment: a heading, a summary line, then short lists or collapsed long ones.</summary>
public static class DiffMarkdown
{
    /// <summary>Lists longer than this go inside a collapsed &lt;details&gt;, so a big change does not bury the summary.</summary>
    public const int OpenListLimit = 10;

    /// <param name="diff">The comparison to write.</param>
    /// <param name="previewUrl">Where the head site is published; page names link into it when given.</param>
    public static string Write(SiteDiffResult diff, string? previewUrl = null)
    {
        var preview = previewUrl is { Length: > 0 } ? previewUrl.TrimEnd('/') + "/" : null;
        var md = new StringBuilder("### Site changes\n\n");
        if (preview is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"**[Open the preview]({preview})**\n\n");
        }
        md.Append(Summary(diff)).Append("\n\n");

        if (diff.Phases.Count > 0)
        {
            md.Append("#### Checklist progress\n\n");
            foreach (var phase in diff.Phases)
            {
                md.Append("- ").Append(Link(PhaseName(phase), phase.Link, preview)).Append(": ")
                  .Append(phase.Base?.ToString() ?? "new").Append(" → ").Append(phase.Head?.ToString() ?? "removed").Append('\n');
            }
            md.Append('\n');
        }

        if (diff.Added.Count + diff.Removed.Count + diff.Changed.Count > 0)
        {
            md.Append("#### Pages\n\n");
            Pages(md, "Added", diff.Added, preview);
            Pages(md, "Changed", diff.Changed, preview);
            // A removed page is not in the preview: name it without a link.
            Pages(md, "Removed", diff.Removed, null);
        }

        if (diff.LintIntroduced.Count + diff.LintFixed.Count > 0)
        {
            md.Append("#### Lint\n\n");
            Diagnostics(md, "Introduced", diff.LintIntroduced);
            Diagnostics(md, "Fixed", diff.LintFixed);
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static string Summary(SiteDiffResult diff)
    {
        if (diff.IsEmpty)
        {
            return diff.LintCompared ? "No page, checklist or lint changes." : "No page or checklist changes.";
        }
        var parts = new List<string>
        {
            $"{Count(diff.Changed.Count, "page")} changed, {diff.Added.Count} added, {diff.Removed.Count} removed",
        };
        if (diff.Phases.Count > 0)
        {
            parts.Add($"{Count(diff.Phases.Count, "phase checklist")} moved");
        }
        if (diff.LintCompared)
        {
            parts.Add($"lint: {Count(diff.LintIntroduced.Count, "diagnostic")} introduced, {diff.LintFixed.Count} fixed");
        }
        return string.Join(" · ", parts);
    }

    private static void Pages(StringBuilder md, string heading, IReadOnlyList<PageChange> pages, string? preview) =>
        List(md, heading, pages.Select(p => $"- {Link(p.Title, p.Link, preview)} `/{p.Link}`").ToList());

    private static void Diagnostics(StringBuilder md, string heading, IReadOnlyList<LintEntry> entries) =>
        List(md, heading, entries.Select(d => $"- {d.Severity} {d.Rule}{(d.Name is null ? "" : $" {d.Name}")} `{d.File}:{d.Line}`: {Escape(d.Message)}").ToList());

    private static void List(StringBuilder md, string heading, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var title = $"{heading} ({lines.Count})";
        if (lines.Count > OpenListLimit)
        {
            md.Append("<details><summary>").Append(title).Append("</summary>\n\n");
        }
        else
        {
            md.Append("**").Append(title).Append("**\n\n");
        }
        foreach (var line in lines)
        {
            md.Append(line).Append('\n');
        }
        md.Append(lines.Count > OpenListLimit ? "\n</details>\n\n" : "\n");
    }

    private static string PhaseName(PhaseChange phase)
    {
        var number = "Phase " + phase.Number.ToString(CultureInfo.InvariantCulture);
        return phase.Title.StartsWith(number, StringComparison.Ordinal) ? phase.Title : $"{number}: {phase.Title}";
    }

    private static string Link(string text, string? link, string? preview) =>
        preview is null || link is null ? Escape(text) : $"[{Escape(text)}]({preview}{link})";

    private static string Count(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");

    /// <summary>Keeps page titles and messages from turning into markdown or HTML in the comment.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
