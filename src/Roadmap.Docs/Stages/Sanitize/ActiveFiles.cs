using System.Collections.Frozen;
using System.Xml;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.Sanitize;

/// <summary>
/// With raw_html sanitize or escape, files under input/ that a browser would run as a document of the site's own
/// origin are not copied: HTML, XHTML, XML, JavaScript, and SVG that holds a script, an event handler, a foreign object
/// or a non-web link (a picture-only SVG is copied). Otherwise a pull request could add <c>evil.html</c> beside its
/// sanitized pages and link to it. Each skipped file is RD0142.
/// </summary>
public static class ActiveFiles
{
    private static readonly FrozenSet<string> Documents = FrozenSet.ToFrozenSet(
        [".html", ".htm", ".shtml", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".js", ".mjs", ".svgz", ".mht", ".mhtml"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SvgActiveElements = FrozenSet.ToFrozenSet(
        ["script", "foreignObject", "iframe", "embed", "object", "handler", "listener"], StringComparer.OrdinalIgnoreCase);

    public static IModule Module { get; } = new ForEachDocument((doc, ctx) =>
        ctx.Environment.Settings.RawHtml == RawHtmlMode.Allow || doc.IsPage || doc.CopyFrom is null || Reason(doc.Source, doc.CopyFrom) is not { } reason
            ? doc
            : Skip(doc, reason, ctx.Diagnostics));

    private static Document? Skip(Document doc, string reason, DiagnosticBag diagnostics)
    {
        diagnostics.Report(Rules.ActiveFile, doc.Source, 1, 1, $"not copied: {reason}",
            "raw_html is not allow for this build, and this file would run as a page of the site; use markdown, a picture or a link elsewhere");
        return null;
    }

    /// <summary>Why the file at <paramref name="path"/> could run script in a browser, or null when it cannot.</summary>
    public static string? Reason(string source, string path)
    {
        var extension = Path.GetExtension(source);
        if (Documents.Contains(extension))
        {
            return $"a {extension} file opens as a document that can run script";
        }
        return extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) ? SvgReason(path) : null;
    }

    private static string? SvgReason(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (SvgActiveElements.Contains(reader.LocalName))
                {
                    return $"the SVG has a <{reader.LocalName}> element";
                }
                var animates = reader.LocalName is "set" or "animate";
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    var name = reader.LocalName;
                    if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"the SVG has an event handler ({name})";
                    }
                    if (name == "href" && !IsWebOrLocal(reader.Value))
                    {
                        return $"the SVG links to '{reader.Value}'";
                    }
                    if (animates && name is "attributeName" && (reader.Value.Contains("href", StringComparison.OrdinalIgnoreCase) || reader.Value.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                    {
                        return $"the SVG animates {reader.Value}";
                    }
                }
            }
            return null;
        }
        catch (XmlException)
        {
            return "the SVG is not well-formed XML without a DTD";
        }
    }

    private static bool IsWebOrLocal(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || trimmed.AsSpan(0, colon).IndexOfAny('/', '?', '#') >= 0)
        {
            return true;
        }
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
