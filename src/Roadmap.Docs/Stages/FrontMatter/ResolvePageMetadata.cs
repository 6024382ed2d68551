using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>Takes the typed page facts every later stage uses (kind, order, tags) from front matter; the title may still come from the first heading.</summary>
public static class ResolvePageMetadata
{
    public static IModule Module { get; } = new ForEachDocument((doc, _) => doc.IsPage ? Apply(doc) : doc);

    public static Document Apply(Document doc)
    {
        var fm = doc.FrontMatter;
        return doc with
        {
            Title = fm.GetString("title") ?? doc.Title,
            Kind = fm.GetString("kind")?.Trim().ToLowerInvariant() is { Length: > 0 } kind ? kind : doc.Kind,
            // Hugo's weight orders pages the same way.
            Order = fm.GetDouble("order") ?? fm.GetDouble("weight") ?? doc.Order,
            Tags = [.. fm.GetList("tags").Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }
}
