using System.Buffers;
using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Stages.Output;

/// <summary>
/// Writes text to a stream as UTF-8 (no byte order mark) through one pooled buffer: a page rendered straight into its file
/// costs no buffers of its own (a <see cref="StreamWriter"/> makes a char and a byte buffer per file, as much again as the page).
/// </summary>
internal sealed class Utf8Writer : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Room for the longest encoding of one char (a pair split across writes is kept by the encoder).
    private const int MinRoom = 8;
    private readonly Stream _stream;
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
    private int _used;

    public Utf8Writer(Stream stream)
        : base(CultureInfo.InvariantCulture) => _stream = stream;

    public override Encoding Encoding => Utf8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var bytes = _buffer ?? throw new ObjectDisposedException(nameof(Utf8Writer));
        while (!buffer.IsEmpty)
        {
            if (bytes.Length - _used < MinRoom)
            {
                WriteBuffer();
            }
            _encoder.Convert(buffer, bytes.AsSpan(_used), flush: false, out var charsUsed, out var bytesUsed, out _);
            _used += bytesUsed;
            buffer = buffer[charsUsed..];
        }
    }

    public override void Flush()
    {
        var bytes = _buffer ?? throw new ObjectDisposedException(nameof(Utf8Writer));
        if (bytes.Length - _used < MinRoom)
        {
            WriteBuffer();
        }
        // A lone high surrogate left at the very end becomes U+FFFD, as StreamWriter writes it.
        _encoder.Convert([], bytes.AsSpan(_used), flush: true, out _, out var bytesUsed, out _);
        _used += bytesUsed;
        WriteBuffer();
        _stream.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } bytes)
        {
            try
            {
                Flush();
            }
            finally
            {
                _buffer = null;
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        base.Dispose(disposing);
    }

    private void WriteBuffer()
    {
        _stream.Write(_buffer!, 0, _used);
        _used = 0;
    }
}
