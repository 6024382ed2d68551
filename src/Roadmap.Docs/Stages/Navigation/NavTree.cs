using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Navigation;

/// <summary>
/// The whole site tree, written once as a script the theme loads on demand (a <c>&lt;script&gt;</c>, since fetch()
/// of JSON fails from file://): <c>roadmapDocsNav({"v":1,"r":node});</c>. A node is
/// <c>{"s":segment,"t":title,"b":[done,total],"c":[nodes]}</c>: <c>s</c> is the node's folder name under its parent
/// (absent at the root), so its site-root-relative URL is the parent's folder + s + "/index.html" (the root is
/// "index.html"); <c>b</c> only when it has checklist items; <c>c</c> only for folders, in sidebar order.
/// </summary>
public static class NavTree
{
    public const string Destination = "assets/js/nav-tree.js";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Document Script(SiteNavigation nav) => new()
    {
        Source = "",
        Destination = Destination,
        Content = "roadmapDocsNav(" + Json(nav.Root) + ");\n",
    };

    /// <summary>The tree as JSON (see the class summary for its shape).</summary>
    public static string Json(NavNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WritePropertyName("r");
            Node(writer, root, "");
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Node(Utf8JsonWriter writer, NavNode node, string parentFolder)
    {
        var folder = SiteNavigation.FolderOf(node.Url);
        writer.WriteStartObject();
        if (folder.Length > 0)
        {
            writer.WriteString("s", folder[parentFolder.Length..^1]);
        }
        writer.WriteString("t", node.Title);
        if (node.Tasks.Total > 0)
        {
            writer.WriteStartArray("b");
            writer.WriteNumberValue(node.Tasks.Done);
            writer.WriteNumberValue(node.Tasks.Total);
            writer.WriteEndArray();
        }
        if (node.IsFolder)
        {
            writer.WriteStartArray("c");
            foreach (var child in node.Children)
            {
                Node(writer, child, folder);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
