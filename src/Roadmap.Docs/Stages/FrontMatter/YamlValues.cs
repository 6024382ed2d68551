using System.Collections.Immutable;
using Roadmap.Docs.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>Reads YAML into front-matter values that remember where each was written.</summary>
public static class YamlValues
{
    /// <summary>Parses <paramref name="yaml"/>; positions are shifted by <paramref name="firstLine"/> − 1 so they point into the host file.</summary>
    public static ParsedValues ParseMapping(string yaml, int firstLine) =>
        SimpleYaml.TryParse(yaml, firstLine) is { } simple ? ParsedValues.Ok(simple) : ParseWithYamlDotNet(yaml, firstLine);

    /// <summary>Any YAML, through YamlDotNet's representation model (what <see cref="SimpleYaml"/> must agree with).</summary>
    public static ParsedValues ParseWithYamlDotNet(string yaml, int firstLine)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + firstLine - 1;
            var message = ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}";
            return ParsedValues.Failed(CleanMessage(message), line, (int)ex.Start.Column);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's representation model throws this (not a YamlException) for some unclosed flow collections
            // followed by more keys; it carries no position, so point at the first line of the front matter.
            return ParsedValues.Failed($"the YAML could not be read ({ex.Message}); look for an unclosed [ or {{", firstLine, 1);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ParsedValues.Ok(Engine.FrontMatter.Empty);
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            return ParsedValues.Failed("front matter must be a mapping of keys to values", (int)node.Start.Line + firstLine - 1, (int)node.Start.Column);
        }
        var map = (IReadOnlyDictionary<string, FrontMatterValue>)Convert(root, firstLine).Value!;
        return ParsedValues.Ok(new Engine.FrontMatter(map.ToImmutableDictionary(StringComparer.Ordinal)));
    }

    private static FrontMatterValue Convert(YamlNode node, int firstLine)
    {
        var line = (int)node.Start.Line + firstLine - 1;
        var column = (int)node.Start.Column;
        switch (node)
        {
            case YamlScalarNode scalar:
                var isNull = scalar.Style == ScalarStyle.Plain && IsPlainNull(scalar.Value);
                return new FrontMatterValue(isNull ? null : scalar.Value, line, column);
            case YamlSequenceNode sequence:
                return new FrontMatterValue(sequence.Children.Select(c => Convert(c, firstLine)).ToImmutableArray(), line, column);
            case YamlMappingNode mapping:
                var builder = ImmutableDictionary.CreateBuilder<string, FrontMatterValue>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode k ? k.Value ?? "" : key.ToString();
                    var converted = Convert(value, firstLine);
                    // Positions of a mapping entry point at its key: that is where a user looks for "the field".
                    builder[name] = converted with { Line = (int)key.Start.Line + firstLine - 1, Column = (int)key.Start.Column };
                }
                return new FrontMatterValue(builder.ToImmutable(), line, column);
            default:
                return new FrontMatterValue(null, line, column);
        }
    }

    /// <summary>A plain (unquoted) scalar that YAML reads as null: empty, ~, null, Null or NULL.</summary>
    internal static bool IsPlainNull(string? value) => value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (index >= 0 ? message[(index + 3)..] : message).Trim();
    }
}
