using System.Collections.Immutable;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Roadmap.Docs.Engine;

using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Roadmap;

/// <summary>The lists of one phase, read from the blocks of its page or its section.</summary>
internal sealed record PhaseContent(
    ImmutableArray<string> Objectives,
    ImmutableArray<Deliverable> Deliverables,
    ImmutableArray<Dependency> Dependencies,
    ImmutableArray<string> SuccessMetrics,
    string? Owner,
    PhaseStatus? Status)
{
    /// <summary>The status written in the body, or the one the deliverables imply.</summary>
    public PhaseStatus StatusOrDerived =>
        Status ?? Phase.StatusFrom(new TaskCount(Deliverables.Count(d => d.Done), Deliverables.Length));
}

/// <summary>
/// Reads the labelled lists of a phase. Both forms are one walk: a label is either a heading
/// ("## Deliverables", page form) or a bold paragraph ("**Deliverables**:", seed form), and the
/// bullet lists after it belong to it until the next label.
/// </summary>
internal static class PhaseSections
{
    private enum Section
    {
        None,
        Objectives,
        Deliverables,
        Dependencies,
        SuccessMetrics,
    }

    public static PhaseContent Read(MarkdownBody body, IEnumerable<Block> blocks)
    {
        var objectives = ImmutableArray.CreateBuilder<string>();
        var deliverables = ImmutableArray.CreateBuilder<Deliverable>();
        var dependencies = ImmutableArray.CreateBuilder<Dependency>();
        var metrics = ImmutableArray.CreateBuilder<string>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        string? owner = null;
        PhaseStatus? status = null;
        var section = Section.None;

        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    section = SectionOf(MarkdownBody.PlainText(heading));
                    break;
                case ParagraphBlock paragraph:
                    foreach (var (label, value) in Labels(paragraph))
                    {
                        section = SectionOf(label);
                        if (IsLabel(label, "owner") && value.Length > 0)
                        {
                            owner = value;
                        }
                        else if (IsLabel(label, "status"))
                        {
                            status = ParseStatus(value);
                        }
                    }
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var (text, done, itemParagraph) = MarkdownBody.ItemText(item);
                        if (itemParagraph is null || text.Length == 0)
                        {
                            continue;
                        }
                        switch (section)
                        {
                            case Section.Objectives:
                                objectives.Add(text);
                                break;
                            case Section.SuccessMetrics:
                                metrics.Add(text);
                                break;
                            case Section.Deliverables:
                                // A plain bullet under Deliverables is a deliverable that is not done yet.
                                deliverables.Add(new Deliverable(text, MarkdownText.UniqueSlug(text, slugs), done, body.SourceFile, body.LineOf(item)));
                                break;
                            case Section.Dependencies:
                                // Kept as written (links included) so a resolver and a reader see the same thing.
                                dependencies.Add(new Dependency(
                                    body.SourceOf(itemParagraph), body.SourceFile, body.LineOf(itemParagraph), MarkdownBody.ColumnOf(itemParagraph)));
                                break;
                        }
                    }
                    break;
            }
        }
        return new PhaseContent(objectives.ToImmutable(), deliverables.ToImmutable(), dependencies.ToImmutable(), metrics.ToImmutable(), owner, status);
    }

    /// <summary>Reads "planned", "in progress", "in-progress", "done", "blocked" and common synonyms; null when unknown.</summary>
    public static PhaseStatus? ParseStatus(string? text) =>
        new string((text ?? "").Where(char.IsLetter).ToArray()).ToUpperInvariant() switch
        {
            "PLANNED" or "TODO" or "NOTSTARTED" => PhaseStatus.Planned,
            "INPROGRESS" or "ACTIVE" or "STARTED" or "DOING" => PhaseStatus.InProgress,
            "DONE" or "COMPLETE" or "COMPLETED" or "FINISHED" => PhaseStatus.Done,
            "BLOCKED" or "ONHOLD" => PhaseStatus.Blocked,
            _ => null,
        };


    /// <summary>
    /// The bold lead-ins of a paragraph, such as "**Deliverables**:" or "**Owner**: Jane", with any text after the colon.
    /// Consecutive lines ("**Owner**: …" then "**Status**: …") are one paragraph to Markdig, so each line is looked at.
    /// </summary>
    private static IEnumerable<(string Label, string Value)> Labels(ParagraphBlock paragraph)
    {
        var line = new List<Inline>();
        foreach (var inline in paragraph.Inline ?? [])
        {
            if (inline is not LineBreakInline)
            {
                line.Add(inline);
                continue;
            }
            if (LabelOf(line) is { } label)
            {
                yield return label;
            }
            line.Clear();
        }
        if (LabelOf(line) is { } last)
        {
            yield return last;
        }
    }

    private static (string Label, string Value)? LabelOf(List<Inline> line)
    {
        if (line.Count == 0 || line[0] is not EmphasisInline { DelimiterCount: 2 } bold)
        {
            return null;
        }
        // A lead-in needs its colon ("**Deliverables**:" or "**Deliverables:**"): a sentence that merely starts in bold is prose.
        var boldText = MarkdownBody.PlainText(bold).Trim();
        var rest = MarkdownBody.PlainText(line.Skip(1));
        if (!boldText.EndsWith(':') && !rest.TrimStart().StartsWith(':'))
        {
            return null;
        }
        var label = boldText.TrimEnd(':').Trim();
        var value = rest.TrimStart().TrimStart(':').Trim();
        return label.Length > 0 ? (label, value) : null;
    }

    private static Section SectionOf(string label) => label.TrimEnd(':').Trim().ToUpperInvariant() switch
    {
        "OBJECTIVES" or "OBJECTIVE" or "GOALS" => Section.Objectives,
        "DELIVERABLES" => Section.Deliverables,
        "DEPENDENCIES" or "DEPENDS ON" or "PREREQUISITES" => Section.Dependencies,
        "SUCCESS METRICS" or "SUCCESS CRITERIA" => Section.SuccessMetrics,
        _ => Section.None,
    };

    private static bool IsLabel(string label, string name) => string.Equals(label, name, StringComparison.OrdinalIgnoreCase);
}
