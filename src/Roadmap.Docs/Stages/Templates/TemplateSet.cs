using System.Collections.Frozen;
using Roadmap.Docs.Engine;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.Templates;

/// <summary>Every layout and partial of the theme, parsed once and shared read-only by all pages.</summary>
public sealed class TemplateSet : ITemplateLoader
{
    private readonly FrozenDictionary<string, Template> _templates;
    private readonly FrozenDictionary<string, string> _displayPaths;

    private TemplateSet(FrozenDictionary<string, Template> templates, FrozenDictionary<string, string> displayPaths)
    {
        _templates = templates;
        _displayPaths = displayPaths;
    }

    /// <summary>Parses layouts/ and partials/ (user overrides first); a template with syntax errors is reported by name and line.</summary>
    public static TemplateSet Load(ThemeFiles theme, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var displayPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in theme.List("layouts").Concat(theme.List("partials")))
        {
            var path = theme.Resolve(relative)!;
            displayPaths[relative] = DisplayPath(path, relative);
            var template = Template.Parse(File.ReadAllText(path), relative);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Report(Rules.Template, DisplayPath(path, relative), message.Span.Start.Line + 1, message.Span.Start.Column + 1, $"template error: {message.Message}");
                }
                continue;
            }
            templates[relative] = template;
        }
        return new TemplateSet(templates.ToFrozenDictionary(StringComparer.Ordinal), displayPaths.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Where a template came from, as diagnostics name it: "theme/layouts/page.html" or "_theme/…" for a user override.</summary>
    public string DisplayName(string name) => _displayPaths.GetValueOrDefault(name) ?? "theme/" + name;

    /// <summary>Renders a layout with the given globals in a sandbox: no .NET objects reachable, loop and recursion limits.</summary>
    public string Render(string layout, ScriptObject globals)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Render(layout, globals, text);
        return text.ToString();
    }

    /// <summary>Renders a layout as <see cref="Render(string, ScriptObject)"/> does, straight into <paramref name="output"/>.</summary>
    public void Render(string layout, ScriptObject globals, TextWriter output)
    {
        var context = new TemplateContext(Builtins())
        {
            TemplateLoader = this,
            LoopLimit = 100_000,
            RecursiveLimit = 64,
            // Scriban cuts any value, and a page's whole output, at this many characters (with "..."): at 1,000,000 a
            // 5 MB page lost the rest of its body and the layout after it. A page is as long as its markdown; this
            // bound only stops a runaway template (with the loop and recursion limits).
            LimitToString = 256 * 1024 * 1024,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            // Trusted HTML (a panel's SVG, its hashed stylesheet, code in <pre>) is written as it is, never re-indented.
            AutoIndent = false,
        };
        foreach (var (name, template) in _templates)
        {
            context.CachedTemplates[name] = template;
        }
        context.PushGlobal(globals);
        context.PushOutput(new TextWriterOutput(output));
        _templates[layout].Render(context);
    }

    // Scriban copies its built-in functions (string.*, array.*, date.*, …) into every new context: a tenth of a millisecond
    // per page. One copy per thread, made read-only so that no render can change what the next one sees (a template that
    // assigns to date.format gets a template error instead of changing later pages).
    [ThreadStatic]
    private static ScriptObject? t_builtins;

    private static ScriptObject Builtins()
    {
        if (t_builtins is null)
        {
            var builtins = TemplateContext.GetDefaultBuiltinObject();
            Freeze(builtins);
            t_builtins = builtins;
        }
        return t_builtins;

        static void Freeze(ScriptObject scriptObject)
        {
            scriptObject.IsReadOnly = true;
            foreach (var value in scriptObject.Values)
            {
                if (value is ScriptObject child && !child.IsReadOnly)
                {
                    Freeze(child);
                }
            }
        }
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _templates.ContainsKey(templateName) ? templateName : throw new ScriptRuntimeException(callerSpan, $"no template named '{templateName}' in the theme");

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"template '{templatePath}' is not loaded");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"template '{templatePath}' is not loaded");

    private static string DisplayPath(string full, string relative) =>
        full.Replace('\\', '/').Contains("/_theme/", StringComparison.Ordinal) ? "_theme/" + relative : "theme/" + relative;
}
