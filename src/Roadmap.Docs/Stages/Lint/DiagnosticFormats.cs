using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>Writes diagnostics as text, GitHub workflow commands, SARIF 2.1.0 or JSON. Paths are given as the user should see them.</summary>
public static class DiagnosticFormats
{
    public static readonly string[] Names = ["text", "github", "sarif", "json"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="format">One of <see cref="Names"/>; anything else is text.</param>
    /// <param name="diagnostics">Diagnostics whose File is already the path to show (for example "input/runbooks/redis.md").</param>
    public static string Format(string format, IReadOnlyList<Diagnostic> diagnostics) => format switch
    {
        "github" => GitHub(diagnostics),
        "sarif" => Sarif(diagnostics),
        "json" => JsonList(diagnostics),
        _ => string.Concat(diagnostics.Select(d => d + "\n")),
    };

    /// <summary>Workflow commands: GitHub turns them into annotations on the changed lines of a pull request.</summary>
    public static string GitHub(IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var name = Rules.Find(d.RuleId)?.Name ?? d.RuleId;
            sb.Append("::").Append(command).Append(' ');
            if (!d.File.StartsWith('('))
            {
                sb.Append("file=").Append(Property(d.File));
                if (d.Line > 0)
                {
                    sb.Append(",line=").Append(d.Line).Append(",col=").Append(d.Column);
                }
                sb.Append(',');
            }
            sb.Append("title=").Append(Property($"{d.RuleId} {name}"))
              .Append("::").Append(Data(d.Message + (d.Hint is null ? "" : $" ({d.Hint})"))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>SARIF 2.1.0 with every rule described, for GitHub code scanning.</summary>
    public static string Sarif(IReadOnlyList<Diagnostic> diagnostics)
    {
        var rules = Rules.All.ToList();
        var log = new Dictionary<string, object?>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["tool"] = new Dictionary<string, object?>
                    {
                        ["driver"] = new Dictionary<string, object?>
                        {
                            ["name"] = "roadmap-docs",
                            ["informationUri"] = "https://github.com/romanchaa997/roadmap-docs",
                            ["version"] = typeof(DiagnosticFormats).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
                            ["rules"] = rules.Select(r => new Dictionary<string, object?>
                            {
                                ["id"] = r.Id,
                                ["name"] = r.Name,
                                ["shortDescription"] = new Dictionary<string, object?> { ["text"] = r.Description },
                                ["fullDescription"] = new Dictionary<string, object?> { ["text"] = r.Explanation },
                                ["defaultConfiguration"] = new Dictionary<string, object?> { ["level"] = Level(r.DefaultSeverity) },
                            }).ToList(),
                        },
                    },
                    ["results"] = diagnostics.Select(d =>
                    {
                        var result = new Dictionary<string, object?>
                        {
                            ["ruleId"] = d.RuleId,
                            ["level"] = Level(d.Severity),
                            ["message"] = new Dictionary<string, object?> { ["text"] = d.Message + (d.Hint is null ? "" : $" ({d.Hint})") },
                        };
                        var index = rules.FindIndex(r => r.Id == d.RuleId);
                        if (index >= 0)
                        {
                            result["ruleIndex"] = index;
                        }
                        if (!d.File.StartsWith('('))
                        {
                            var physical = new Dictionary<string, object?>
                            {
                                ["artifactLocation"] = new Dictionary<string, object?> { ["uri"] = d.File.Replace('\\', '/') },
                            };
                            if (d.Line > 0)
                            {
                                physical["region"] = new Dictionary<string, object?> { ["startLine"] = d.Line, ["startColumn"] = Math.Max(1, d.Column) };
                            }
                            result["locations"] = new[] { new Dictionary<string, object?> { ["physicalLocation"] = physical } };
                        }
                        return result;
                    }).ToList(),
                },
            },
        };
        return JsonSerializer.Serialize(log, Json) + "\n";
    }

    public static string JsonList(IReadOnlyList<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(diagnostics.Select(d => new Dictionary<string, object?>
        {
            ["file"] = d.File,
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["severity"] = d.Severity.ToString().ToLowerInvariant(),
            ["rule"] = d.RuleId,
            ["name"] = Rules.Find(d.RuleId)?.Name,
            ["message"] = d.Message,
            ["hint"] = d.Hint,
        }).ToList(), Json) + "\n";

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
