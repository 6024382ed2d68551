using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.FrontMatter;

/// <summary>
/// Reads JSON front matter (Hugo's: the file opens with a JSON object) into the same values as YAML, each with the
/// line and column it was written at, and says where the object ends so the markdown body can start after it.
/// </summary>
public static class JsonValues
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Reads the object that <paramref name="text"/> starts with. <c>End</c> is the index in <paramref name="text"/> just
    /// past its closing brace, or -1 when the JSON is not valid (the error then says where).
    /// </summary>
    public static (ParsedValues Values, int End) ParseObject(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var positions = new Positions(bytes);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (ParsedValues.Failed("JSON front matter must be an object", 1, 1), -1);
            }
            var (line, column) = positions.At(reader.TokenStartIndex);
            var root = ReadObject(ref reader, positions, line, column, out var duplicate);
            if (duplicate is { } d)
            {
                return (ParsedValues.Failed($"the key '{d.Key}' is given twice", d.Line, d.Column), -1);
            }
            var end = Encoding.UTF8.GetCharCount(bytes.AsSpan(0, (int)reader.BytesConsumed));
            return (ParsedValues.Ok(new Engine.FrontMatter(((ImmutableDictionary<string, FrontMatterValue>)root.Value!).WithComparers(StringComparer.Ordinal))), end);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var (_, column) = positions.At(positions.LineStart(line) + (int)(ex.BytePositionInLine ?? 0));
            return (ParsedValues.Failed($"front matter is not valid JSON: {CleanMessage(ex.Message)}", line + 1, column), -1);
        }
    }

    private static FrontMatterValue ReadObject(ref Utf8JsonReader reader, Positions positions, int line, int column, out (string Key, int Line, int Column)? duplicate)
    {
        duplicate = null;
        var builder = ImmutableDictionary.CreateBuilder<string, FrontMatterValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var (keyLine, keyColumn) = positions.At(reader.TokenStartIndex);
            var key = reader.GetString() ?? "";
            reader.Read();
            var value = ReadValue(ref reader, positions, out var inner);
            duplicate ??= inner;
            if (builder.ContainsKey(key))
            {
                duplicate ??= (key, keyLine, keyColumn);
            }
            builder[key] = value with { Line = keyLine, Column = keyColumn };
        }
        return new FrontMatterValue(builder.ToImmutable(), line, column);
    }

    private static FrontMatterValue ReadValue(ref Utf8JsonReader reader, Positions positions, out (string Key, int Line, int Column)? duplicate)
    {
        duplicate = null;
        var (line, column) = positions.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, positions, line, column, out duplicate);
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, positions, out var inner));
                    duplicate ??= inner;
                }
                return new FrontMatterValue(items.ToImmutable(), line, column);
            case JsonTokenType.String:
                return new FrontMatterValue(reader.GetString(), line, column);
            case JsonTokenType.Number:
                return new FrontMatterValue(Encoding.UTF8.GetString(reader.ValueSpan), line, column);
            case JsonTokenType.True or JsonTokenType.False:
                return new FrontMatterValue(reader.TokenType == JsonTokenType.True ? "true" : "false", line, column);
            default:
                return new FrontMatterValue(null, line, column);
        }
    }

    private static string CleanMessage(string message)
    {
        // System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 5."; the position is reported separately.
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (index >= 0 ? message[..index] : message).Trim();
    }

    /// <summary>Turns UTF-8 byte offsets into 1-based lines and UTF-16 columns, in one pass for offsets that only grow.</summary>
    private sealed class Positions(byte[] bytes)
    {
        private int _offset;
        private int _line = 1;
        private int _column;

        public (int Line, int Column) At(long offset)
        {
            var target = (int)Math.Clamp(offset, 0, bytes.Length);
            if (target < _offset)
            {
                (_offset, _line, _column) = (0, 1, 0);
            }
            for (; _offset < target; _offset++)
            {
                var b = bytes[_offset];
                if (b == (byte)'\n')
                {
                    (_line, _column) = (_line + 1, 0);
                }
                else if ((b & 0xC0) != 0x80)
                {
                    // A byte that starts a character; four-byte sequences are two UTF-16 units, as string columns count them.
                    _column += b >= 0xF0 ? 2 : 1;
                }
            }
            return (_line, _column + 1);
        }

        /// <summary>The byte offset where the 0-based line <paramref name="line"/> starts.</summary>
        public int LineStart(int line)
        {
            var offset = 0;
            for (var seen = 0; seen < line && offset < bytes.Length; offset++)
            {
                if (bytes[offset] == (byte)'\n')
                {
                    seen++;
                }
            }
            return offset;
        }
    }
}
