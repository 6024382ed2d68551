using System.Collections.Immutable;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Templates;

namespace Roadmap.Docs.Stages.Output;

/// <summary>Adds <c>sitemap.xml</c> (absolute URLs need a base URL, so without one there is no sitemap).</summary>
public static class Sitemap
{
    public static IModule Module { get; } = new ForAllDocuments(Add);

    private static ImmutableArray<Document> Add(ImmutableArray<Document> docs, Engine.ExecutionContext context)
    {
        var baseUrl = context.Environment.Settings.BaseUrl;
        if (string.IsNullOrEmpty(baseUrl))
        {
            return docs;
        }
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in docs.Where(d => d.IsPage && d.Kind != "404").OrderBy(d => d.Destination, StringComparer.Ordinal))
        {
            xml.Append("  <url><loc>").Append(HtmlText.Escape(baseUrl.TrimEnd('/') + "/" + PageModel.CanonicalPath(page.Destination))).Append("</loc>");
            if (page.LastUpdated is { } updated)
            {
                xml.Append("<lastmod>").Append(updated.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("</lastmod>");
            }
            xml.Append("</url>\n");
        }
        xml.Append("</urlset>\n");
        return docs.Add(new Document { Source = "", Destination = "sitemap.xml", Content = xml.ToString() });
    }
}
