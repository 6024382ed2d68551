using System.Collections.Immutable;
using System.Globalization;
using Roadmap.Docs.Engine;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>
/// Reads TOML (Hugo's <c>+++</c> front matter) with Tomlyn's syntax tree into the same values as YAML: scalars as the
/// text they stand for, arrays as lists, tables as mappings, each with the line and column it was written at.
/// </summary>
public static class TomlValues
{
    /// <summary>Parses <paramref name="toml"/>, whose first line is line <paramref name="firstLine"/> (1-based) of the host file.</summary>
    public static ParsedValues ParseTable(string toml, int firstLine)
    {
        var document = SyntaxParser.Parse(toml, "front matter", validate: true);
        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
        {
            return ParsedValues.Failed(error.Message, error.Span.Start.Line + firstLine, error.Span.Start.Column + 1);
        }
        var root = new Table(firstLine, 1);
        foreach (var keyValue in document.KeyValues)
        {
            Add(root, keyValue, firstLine);
        }
        foreach (var header in document.Tables)
        {
            if (header.Name is null)
            {
                continue;
            }
            var (line, column) = Position(header.Name, firstLine);
            var parts = KeyParts(header.Name);
            var parent = Descend(root, parts[..^1], line, column);
            Table target;
            if (header is TableArraySyntax)
            {
                if (!parent.Entries.TryGetValue(parts[^1], out var existing) || existing is not List<Table> list)
                {
                    parent.Entries[parts[^1]] = list = [];
                }
                list.Add(target = new Table(line, column));
            }
            else
            {
                target = Descend(parent, parts[^1..], line, column);
            }
            foreach (var keyValue in header.Items)
            {
                Add(target, keyValue, firstLine);
            }
        }
        return ParsedValues.Ok(new Engine.FrontMatter(root.Freeze().Value is IReadOnlyDictionary<string, FrontMatterValue> map
            ? map.ToImmutableDictionary(StringComparer.Ordinal)
            : ImmutableDictionary<string, FrontMatterValue>.Empty));
    }

    private static void Add(Table table, KeyValueSyntax keyValue, int firstLine)
    {
        if (keyValue.Key is null || keyValue.Value is null)
        {
            return;
        }
        var (line, column) = Position(keyValue.Key, firstLine);
        var parts = KeyParts(keyValue.Key);
        var parent = Descend(table, parts[..^1], line, column);
        // As with YAML, an entry's position is its key's: that is where a user looks for "the field".
        parent.Entries[parts[^1]] = Convert(keyValue.Value, firstLine) with { Line = line, Column = column };
    }

    /// <summary>Walks (creating) the tables named by dotted key parts: <c>a.b.c = 1</c> puts c in table a.b.</summary>
    private static Table Descend(Table table, string[] parts, int line, int column)
    {
        foreach (var part in parts)
        {
            table = table.Entries.GetValueOrDefault(part) switch
            {
                Table existing => existing,
                List<Table> { Count: > 0 } array => array[^1],
                _ => (Table)(table.Entries[part] = new Table(line, column)),
            };
        }
        return table;
    }

    private static FrontMatterValue Convert(ValueSyntax value, int firstLine)
    {
        var (line, column) = Position(value, firstLine);
        object? converted = value switch
        {
            StringValueSyntax s => s.Value,
            BooleanValueSyntax b => b.Value ? "true" : "false",
            IntegerValueSyntax i => i.Value.ToString(CultureInfo.InvariantCulture),
            FloatValueSyntax f => f.Value.ToString(CultureInfo.InvariantCulture),
            DateTimeValueSyntax d => d.Token?.Text,
            ArraySyntax array => array.Items.Where(i => i.Value is not null).Select(i => Convert(i.Value!, firstLine)).ToImmutableArray(),
            InlineTableSyntax inline => InlineTable(inline, firstLine, line, column),
            _ => null,
        };
        return new FrontMatterValue(converted, line, column);
    }

    private static IReadOnlyDictionary<string, FrontMatterValue> InlineTable(InlineTableSyntax inline, int firstLine, int line, int column)
    {
        var table = new Table(line, column);
        foreach (var item in inline.Items)
        {
            if (item.KeyValue is { } keyValue)
            {
                Add(table, keyValue, firstLine);
            }
        }
        return (IReadOnlyDictionary<string, FrontMatterValue>)table.Freeze().Value!;
    }

    private static string[] KeyParts(KeySyntax key) =>
        [KeyText(key.Key), .. key.DotKeys.Select(d => KeyText(d.Key))];

    private static string KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };

    /// <summary>Tomlyn counts lines and columns from 0 within the TOML text; the host file counts from 1 and starts the TOML at <paramref name="firstLine"/>.</summary>
    private static (int Line, int Column) Position(SyntaxNode node, int firstLine) => (node.Span.Start.Line + firstLine, node.Span.Start.Column + 1);

    /// <summary>A table being filled: entries are frozen values, nested tables, or arrays of tables (<c>[[x]]</c>).</summary>
    private sealed class Table(int line, int column)
    {
        public int Line => line;

        public int Column => column;

        public Dictionary<string, object> Entries { get; } = new(StringComparer.Ordinal);

        public FrontMatterValue Freeze()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, FrontMatterValue>(StringComparer.Ordinal);
            foreach (var (key, entry) in Entries)
            {
                builder[key] = entry switch
                {
                    Table table => table.Freeze(),
                    List<Table> array => new FrontMatterValue(array.Select(t => t.Freeze()).ToImmutableArray(), array[0].Line, array[0].Column),
                    _ => (FrontMatterValue)entry,
                };
            }
            return new FrontMatterValue(builder.ToImmutable(), line, column);
        }
    }
}
