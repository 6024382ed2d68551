using System.Buffers;
using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// Writes UTF-8 JSON exactly as JavaScript's <c>JSON.stringify</c> does: no whitespace, only <c>"</c>, <c>\</c> and
/// control chars escaped (<c>\b \f \n \r \t</c> short, the rest <c>\u00xx</c> in lowercase hex), lone surrogates as
/// <c>\udxxx</c>, everything else raw (U+2028, emoji, <c>/</c>, <c>&lt;</c>); numbers as <see cref="JsMath.FormatNumber"/>.
/// System.Text.Json escapes far more, so its output loads the same but is not byte-identical.
/// </summary>
internal sealed class JsJsonWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _pos;
    private bool _returned;

    public JsJsonWriter(Stream stream, int bufferSize = 1 << 16)
    {
        _stream = stream;
        // Pooled: a shard is written through one writer, and a site has hundreds of shards.
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    public void Raw(char ascii)
    {
        Reserve(1);
        _buffer[_pos++] = (byte)ascii;
    }

    public void Raw(string ascii)
    {
        Reserve(ascii.Length);
        foreach (char c in ascii)
        {
            _buffer[_pos++] = (byte)c;
        }
    }

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length)
        {
            Flush();
            _stream.Write(utf8);
            return;
        }
        Reserve(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_pos));
        _pos += utf8.Length;
    }

    public void Integer(long value)
    {
        Reserve(20);
        value.TryFormat(_buffer.AsSpan(_pos), out int written, default, CultureInfo.InvariantCulture);
        _pos += written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number(double value)
    {
        Span<char> chars = stackalloc char[JsMath.MaxNumberLength];
        int length = JsMath.FormatNumber(value, chars);
        Reserve(length);
        foreach (char c in chars[..length])
        {
            _buffer[_pos++] = (byte)c;
        }
    }

    public void String(string value)
    {
        Raw('"');
        Chars(value);
        Raw('"');
    }

    /// <summary>Writes <paramref name="open"/>, the items separated by commas, then <paramref name="close"/>.</summary>
    public void Join<T>(char open, char close, IEnumerable<T> items, Action<T> writeItem)
    {
        Raw(open);
        bool first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                Raw(',');
            }
            first = false;
            writeItem(item);
        }
        Raw(close);
    }

    public void StringArray(IEnumerable<string> items) => Join('[', ']', items, String);

    /// <summary>One JSON string made of <paramref name="a"/>, a separator char and <paramref name="b"/> (a lunr fieldRef "field/ref").</summary>
    public void String(string a, char separator, string b)
    {
        Raw('"');
        Chars(a);
        Chars(new ReadOnlySpan<char>(in separator));
        Chars(b);
        Raw('"');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Chars(ReadOnlySpan<char> s)
    {
        // At most 6 bytes per char (a \u00xx escape), so one check covers the whole string when it fits the buffer.
        bool checkEach = s.Length * 6 > _buffer.Length;
        if (!checkEach)
        {
            Reserve(s.Length * 6);
        }
        byte[] buffer = _buffer;
        for (int i = 0; i < s.Length; i++)
        {
            if (checkEach)
            {
                Reserve(6);
            }
            char c = s[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    buffer[_pos++] = (byte)c;
                }
                else
                {
                    Escape(c);
                }
            }
            else if (c < 0x800)
            {
                buffer[_pos++] = (byte)(0xC0 | (c >> 6));
                buffer[_pos++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (!char.IsSurrogate(c))
            {
                buffer[_pos++] = (byte)(0xE0 | (c >> 12));
                buffer[_pos++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                buffer[_pos++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[++i]);
                buffer[_pos++] = (byte)(0xF0 | (cp >> 18));
                buffer[_pos++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                buffer[_pos++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                buffer[_pos++] = (byte)(0x80 | (cp & 0x3F));
            }
            else
            {
                // A lone surrogate: JSON.stringify (ES2019) escapes it.
                Escape(c);
            }
        }
    }

    private void Escape(char c)
    {
        _buffer[_pos++] = (byte)'\\';
        char shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            _buffer[_pos++] = (byte)shortForm;
            return;
        }
        _buffer[_pos++] = (byte)'u';
        const string hex = "0123456789abcdef";
        _buffer[_pos++] = (byte)hex[c >> 12];
        _buffer[_pos++] = (byte)hex[(c >> 8) & 0xF];
        _buffer[_pos++] = (byte)hex[(c >> 4) & 0xF];
        _buffer[_pos++] = (byte)hex[c & 0xF];
    }

    private void Reserve(int bytes)
    {
        if (_pos + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    /// <summary>Writes what is buffered and gives the buffer back; the writer is not used after this.</summary>
    public void Dispose()
    {
        if (_returned)
        {
            return;
        }
        Flush();
        _returned = true;
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    /// <summary>What <paramref name="write"/> writes, as UTF-8 bytes.</summary>
    public static byte[] Encode(Action<JsJsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new JsJsonWriter(stream, bufferSize: 256))
        {
            write(writer);
        }
        return stream.ToArray();
    }

    /// <summary>What <paramref name="write"/> writes to a stream, as a string.</summary>
    public static string ToText(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
