using System.Collections.Immutable;

namespace Roadmap.Docs.Engine;

/// <summary>
/// One document flowing through the pipelines: plain, immutable data, changed with <c>with { … }</c>.
/// Paths use '/' and are relative (to the input folder for <see cref="Source"/>, to the site root for <see cref="Destination"/>).
/// </summary>
public sealed record Document
{
    /// <summary>Input-relative source path ("runbooks/redis.md"), or "" for a generated document.</summary>
    public required string Source { get; init; }

    /// <summary>Site-relative output path ("runbooks/redis/index.html"); "" for a document that is not written.</summary>
    public required string Destination { get; init; }

    /// <summary>What the Output phase writes: the markdown body at first, the finished page at the end.</summary>
    public string Content { get; init; } = "";

    /// <summary>Already written by a streaming step, its content let go: the Output phase skips it.</summary>
    public bool Written { get; init; }

    /// <summary>A file copied as it is (images, theme assets) instead of writing <see cref="Content"/>.</summary>
    public string? CopyFrom { get; init; }

    /// <summary>The user's front matter, as written: scalars are strings, sequences lists, mappings dictionaries.</summary>
    public FrontMatter FrontMatter { get; init; } = FrontMatter.Empty;

    /// <summary>The whole source file as read, so any stage can point at a line.</summary>
    public string SourceText { get; init; } = "";

    /// <summary>1-based line of the source file where the markdown body (after front matter) starts.</summary>
    public int BodyLine { get; init; } = 1;

    public string Title { get; init; } = "";

    /// <summary>The schema and layout: phase, runbook, rollback, architecture, page (or a generated kind).</summary>
    public string Kind { get; init; } = "page";

    public double Order { get; init; } = double.MaxValue;

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The rendered markdown body (an HTML fragment, no layout).</summary>
    public string Html { get; init; } = "";

    public ImmutableArray<Heading> Headings { get; init; } = [];

    public ImmutableArray<TaskItem> Tasks { get; init; } = [];

    public ImmutableArray<LinkReference> Links { get; init; } = [];

    public string Excerpt { get; init; } = "";

    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Generated HTML blocks (timeline, tables, badges) a later stage adds around the body.</summary>
    public ImmutableArray<Panel> Panels { get; init; } = [];

    /// <summary>True for markdown pages and generated pages that get a layout and a place in navigation.</summary>
    public bool IsPage { get; init; }

    public TaskCount TaskCount => TaskCount.Of(Tasks);

    /// <summary>The page's own URL relative to the site root ("runbooks/redis/index.html").</summary>
    public string Url => Destination;
}

/// <summary>Trusted, generated HTML placed above ("top") or below ("bottom") the page body.</summary>
public sealed record Panel(string Placement, string Html);

/// <summary>A heading of the body: level 1–6, its id (anchor) and plain text, and its 1-based source line.</summary>
public sealed record Heading(int Level, string Id, string Text, int Line);

/// <summary>A GFM task-list item: its text, whether it is checked, the 1-based source line, and the heading it sits under.</summary>
public sealed record TaskItem(string Text, bool Done, int Line, string Section);

/// <summary>A link written in the markdown (<paramref name="Url"/>), the href it became in the HTML, and where it was written (1-based).</summary>
public sealed record LinkReference(string Url, string Href, int Line, int Column);

public readonly record struct TaskCount(int Done, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Floor(100.0 * Done / Total);

    public static TaskCount Of(IEnumerable<TaskItem> items)
    {
        int done = 0, total = 0;
        foreach (var item in items)
        {
            total++;
            if (item.Done)
            {
                done++;
            }
        }
        return new TaskCount(done, total);
    }

    public static TaskCount operator +(TaskCount a, TaskCount b) => new(a.Done + b.Done, a.Total + b.Total);

    public static TaskCount Add(TaskCount a, TaskCount b) => a + b;
}
