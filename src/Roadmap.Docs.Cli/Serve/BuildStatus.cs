using System.Text.Json;
using System.Text.Json.Serialization;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>The latest build as open pages see it (the <c>status</c> endpoint and the SSE events carry it as JSON).</summary>
/// <param name="Build">Counts builds since the server started; pages use it to notice a rebuild they missed while disconnected.</param>
/// <param name="Ok">Whether the build was published; when false the server keeps serving the last good site.</param>
/// <param name="Diagnostics">Everything the build reported, errors first shown by the overlay.</param>
public sealed record BuildStatus(
    [property: JsonPropertyName("build")] int Build,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<StatusDiagnostic> Diagnostics)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>"build" for a build of the whole site; "refresh" when only edited pages were built again (the whole site follows in the background).</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "build";

    /// <summary>
    /// The site paths of the pages that changed ("runbooks/redis/index.html"): open pages not listed show what they showed and
    /// do not reload. Null (left out of the JSON) when any page may have changed.
    /// </summary>
    [JsonPropertyName("changed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Changed { get; init; }

    /// <summary>One line of JSON: an SSE data field must not span lines.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One diagnostic for the overlay, with <see cref="Text"/> as the build prints it ("input/a.md:3:1: error RD0001: …").</summary>
public sealed record StatusDiagnostic(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("text")] string Text)
{
    /// <param name="diagnostic">As the build reported it, with a path relative to the input folder.</param>
    /// <param name="inputDisplay">The input folder as the user typed it, put in front of input paths.</param>
    public static StatusDiagnostic From(Diagnostic diagnostic, string inputDisplay)
    {
        var shown = diagnostic.File.StartsWith('(') || diagnostic.File.StartsWith("theme/", StringComparison.Ordinal)
            ? diagnostic
            : diagnostic with { File = inputDisplay.Replace('\\', '/').TrimEnd('/') + "/" + diagnostic.File };
        return new StatusDiagnostic(shown.File, shown.Line, shown.Column, shown.Severity.ToString().ToLowerInvariant(), shown.RuleId, shown.Message, shown.ToString());
    }
}
