using System.Text;

namespace Roadmap.Docs.Engine;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for text that is built piece by piece and then kept as one string
/// (a page's HTML, a timeline, a sidebar): a new builder per page grows by chunks that are thrown away once the string is made.
/// </summary>
public static class StringBuilders
{
    // A builder that grew past this (a huge page) is not kept: it would hold its memory for the rest of the build.
    private const int MaxKeptChars = 512 * 1024;

    // Two per thread: a panel's builder and the timeline built inside it.
    [ThreadStatic]
    private static StringBuilder? t_kept;

    [ThreadStatic]
    private static StringBuilder? t_kept2;

    /// <summary>An empty builder: one this thread kept, or a new one when both are in use.</summary>
    public static StringBuilder Rent()
    {
        if (t_kept is { } kept)
        {
            t_kept = null;
            return kept;
        }
        if (t_kept2 is { } kept2)
        {
            t_kept2 = null;
            return kept2;
        }
        return new StringBuilder(16 * 1024);
    }

    /// <summary>The builder's text; the builder is cleared and kept for this thread's next <see cref="Rent"/>.</summary>
    public static string Release(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var text = builder.ToString();
        Keep(builder);
        return text;
    }

    /// <summary>Writes the builder's text to <paramref name="writer"/> without making a string of it; the builder is kept as by <see cref="Release"/>.</summary>
    public static void WriteTo(StringBuilder builder, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var chunk in builder.GetChunks())
        {
            writer.Write(chunk.Span);
        }
        Keep(builder);
    }

    private static void Keep(StringBuilder builder)
    {
        if (builder.Capacity <= MaxKeptChars)
        {
            builder.Clear();
            if (t_kept is null)
            {
                t_kept = builder;
            }
            else
            {
                t_kept2 = builder;
            }
        }
    }
}
