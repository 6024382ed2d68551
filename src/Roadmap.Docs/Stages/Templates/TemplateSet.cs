using System.Collections.Frozen;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Incremental;
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
        // One context per thread, made once: a new one per page cost more than the page's own output. What a page sets
        // goes into its own globals, popped after it; a context that saw a template error is dropped, not reused.
        var context = t_context is { } cached && cached.Set == this ? cached : new ThemeContext(this);
        t_context = null;
        context.PushGlobal(globals);
        context.PushOutput(new DirectOutput(output));
        _templates[layout].Render(context);
        context.PopOutput();
        context.PopGlobal();
        t_context = context;
    }

    [ThreadStatic]
    private static ThemeContext? t_context;

    /// <summary>A sandboxed context whose includes come from this set, parsed once.</summary>
    private sealed class ThemeContext : TemplateContext
    {
        public ThemeContext(TemplateSet set)
            : base(Builtins())
        {
            Set = set;
            TemplateLoader = set;
            LoopLimit = 100_000;
            RecursiveLimit = 64;
            // Scriban cuts any value, and a page's whole output, at this many characters (with "..."): at 1,000,000 a
            // 5 MB page lost the rest of its body and the layout after it. A page is as long as its markdown; this
            // bound only stops a runaway template (with the loop and recursion limits).
            LimitToString = 256 * 1024 * 1024;
            StrictVariables = false;
            EnableRelaxedMemberAccess = true;
            // Trusted HTML (a panel's SVG, its hashed stylesheet, code in <pre>) is written as it is, never re-indented.
            AutoIndent = false;
        }

        public TemplateSet Set { get; }

        protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
            Set._templates.TryGetValue(templatePath, out var template)
                ? template
                : throw new ScriptRuntimeException(callerContext?.Span ?? CurrentSpan, $"no template named '{templatePath}' in the theme");
    }

    /// <summary>The page's writer as Scriban's output: each piece is written as a span, not copied into a string first.</summary>
    private sealed class DirectOutput(TextWriter writer) : IScriptOutput
    {
        public TextWriter Writer => writer;

        public void Write(string text, int offset, int count) => writer.Write(text.AsSpan(offset, count));

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        // Template.Render returns the output's text: the page's text is in its writer, not here.
        public override string ToString() => "";
    }

    /// <summary>
    /// <c>include</c> as Scriban defines it, except that an include standing alone as a statement (<c>{{ include "x" }}</c>)
    /// renders straight into the page's output instead of into a string that is then written: the same characters in the
    /// same place. Any other use (a value, a pipe, named arguments, or inside an include rendered to a string) is Scriban's own.
    /// </summary>
    private sealed class Include : IScriptCustomFunction
    {
        private static readonly Scriban.Functions.IncludeFunction Scriban = new();

        public int RequiredParameterCount => Scriban.RequiredParameterCount;

        public int ParameterCount => Scriban.ParameterCount;

        public ScriptVarParamKind VarParamKind => Scriban.VarParamKind;

        public Type ReturnType => Scriban.ReturnType;

        public ScriptParameterInfo GetParameterInfo(int index) => Scriban.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (callerContext is not ScriptFunctionCall { Parent: ScriptExpressionStatement } call
                || context.Output is not DirectOutput
                || arguments.Count == 0
                || call.Arguments.Any(a => a is ScriptNamedArgument))
            {
                return Scriban.Invoke(context, callerContext, arguments, blockStatement);
            }
            if (context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), call) is not { } path)
            {
                return null;
            }
            var template = context.GetOrCreateTemplate(path, call);
            // What TemplateContext.RenderTemplate does around the template, without a new output.
            context.EnterRecursive(call);
            var indent = context.CurrentIndent;
            context.CurrentIndent = null;
            context.PushLocal();
            try
            {
                context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
                template.Render(context);
            }
            finally
            {
                context.PopLocal();
                context.CurrentIndent = indent;
                context.ExitRecursive(call);
            }
            return null;
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// HTML the page model makes on demand (the sidebar, the biggest generated part of every page): a value made when a
    /// template reads it. Written alone as a statement (<c>{{ nav.html }}</c>) into the page's output, it goes there straight
    /// from a pooled builder; anywhere else (a pipe, a comparison, a variable) it is the string, made once. An incremental
    /// build keys the page by that string, so there it is made before the page is rendered and written as it is.
    /// </summary>
    internal sealed class GeneratedHtml(Action<StringBuilder> write) : IScriptCustomFunction, IMadeText
    {
        private string? _text;

        public string Text => _text ??= StringBuilders.Release(Build());

        private StringBuilder Build()
        {
            var html = StringBuilders.Rent();
            write(html);
            return html;
        }

        public int RequiredParameterCount => 0;

        public int ParameterCount => 0;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (_text is null && callerContext is { Parent: ScriptExpressionStatement } && context.Output is DirectOutput direct)
            {
                StringBuilders.WriteTo(Build(), direct.Writer);
                return null;
            }
            return Text;
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    // Scriban copies its built-in functions (string.*, array.*, date.*, …) into every new context. One copy per thread,
    // made read-only so that no render can change what the next one sees (a template that assigns to date.format gets a
    // template error instead of changing later pages).
    [ThreadStatic]
    private static ScriptObject? t_builtins;

    private static ScriptObject Builtins()
    {
        if (t_builtins is null)
        {
            var builtins = TemplateContext.GetDefaultBuiltinObject();
            // Scriban's own include is a read-only member: it is replaced, not assigned.
            builtins.Remove("include");
            builtins.SetValue("include", new Include(), readOnly: true);
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
