using System.Collections.Concurrent;

namespace Roadmap.Docs.Engine;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One finding about the input: where it is (1-based line and column), how bad, which rule, and what to do.</summary>
public sealed record Diagnostic(
    string File,
    int Line,
    int Column,
    Severity Severity,
    string RuleId,
    string Message,
    string? Hint = null)
{
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var hint = Hint is null ? "" : $" ({Hint})";
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return $"{where}: {severity} {RuleId}: {Message}{hint}";
    }
}

/// <summary>A check with a stable id, a one-line description, a default severity, and what to do about it.</summary>
public sealed record Rule(string Id, string Name, Severity DefaultSeverity, string Description, string Explanation);

/// <summary>A thread-safe collector: modules report here instead of throwing, so one bad page never stops the build.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Reports under a rule, at the rule's default severity (site.yml may change it later).</summary>
    public void Report(Rule rule, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(file, line, column, rule.DefaultSeverity, rule.Id, message, hint));

    public void Error(string file, int line, int column, string ruleId, string message, string? hint = null) =>
        Add(new Diagnostic(file, line, column, Severity.Error, ruleId, message, hint));

    public void Warning(string file, int line, int column, string ruleId, string message, string? hint = null) =>
        Add(new Diagnostic(file, line, column, Severity.Warning, ruleId, message, hint));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>All diagnostics in a stable order (file, line, column, rule), whatever order threads reported them in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
