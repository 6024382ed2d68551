using System.Text.Encodings.Web;
using System.Text.Json;

namespace Roadmap.Docs.Stages.Diff;

/// <summary>Writes a <see cref="SiteDiffResult"/> as indented JSON, for scripts that post their own comment.</summary>
public static class DiffJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(SiteDiffResult diff) => JsonSerializer.Serialize(diff, Options) + "\n";
}
