using AngleSharp.Dom;
using Ganss.Xss;

namespace Roadmap.Docs.Stages.Sanitize;

/// <summary>
/// What survives <c>raw_html: sanitize</c>: the markup ordinary docs are written with (everything Markdig emits, plus
/// details/summary, kbd, sub/sup, abbr, tables, images, anchors with ids, divs and spans with classes) and nothing that
/// runs, loads, submits or restyles: no scripts, event handlers, frames, objects, forms, meta, base, style elements or
/// attributes, and no URLs but relative, http(s) and mailto ones.
/// </summary>
public static class HtmlPolicy
{
    private static readonly string[] RemovedTags =
    [
        // Forms submit somewhere and can imitate a sign-in box.
        "form", "button", "textarea", "select", "option", "optgroup", "keygen", "datalist", "fieldset", "legend", "label", "output", "menuitem",
    ];

    private static readonly string[] RemovedAttributes =
    [
        "action", "method", "enctype", "accept", "accept-charset", "autocomplete", "autosave", "contenteditable", "dropzone",
        "accesskey", "prompt", "challenge", "keytype", "pattern", "placeholder", "required", "novalidate",
        // name clobbers globals the theme's scripts read (window.x); an anchor is an id.
        "name",
        // Inline styles are blocked by the pages' Content-Security-Policy anyway (table alignment is a class).
        "style",
    ];

    private static readonly HtmlSanitizerOptions Options = Create();

    private static HtmlSanitizerOptions Create()
    {
        var options = new HtmlSanitizerOptions();
        foreach (var tag in RemovedTags)
        {
            options.AllowedTags.Remove(tag);
        }
        // Markdig's task-list checkboxes are kept by the event below; any other input is removed.
        options.AllowedTags.Remove("input");
        // The icon Markdig draws in an alert block ("> [!NOTE]").
        options.AllowedTags.Add("svg");
        options.AllowedTags.Add("path");
        foreach (var attribute in RemovedAttributes)
        {
            options.AllowedAttributes.Remove(attribute);
        }
        foreach (var attribute in (string[])["class", "id", "role", "aria-hidden", "aria-label", "viewbox", "version", "d", "data-lang"])
        {
            options.AllowedAttributes.Add(attribute);
        }
        options.AllowedSchemes.Clear();
        foreach (var scheme in (string[])["http", "https", "mailto"])
        {
            options.AllowedSchemes.Add(scheme);
        }
        options.AllowedAtRules.Clear();
        options.AllowCssCustomProperties = false;
        options.AllowDataAttributes = false;
        return options;
    }

    /// <summary>A new sanitizer with this policy (one per page: its events are per instance).</summary>
    public static HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new HtmlSanitizer(Options) { KeepChildNodes = false };
        sanitizer.RemovingTag += (_, e) => e.Cancel = IsTaskCheckbox(e.Tag);
        return sanitizer;
    }

    /// <summary>Markdig's <c>- [x]</c> item: a disabled checkbox, nothing to type into or submit.</summary>
    private static bool IsTaskCheckbox(IElement element) =>
        element.LocalName == "input"
        && string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)
        && element.HasAttribute("disabled");
}
