using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Roadmap.Docs.Incremental;

/// <summary>
/// A content key: SHA-256 over a tree of plain values (strings, numbers, booleans, lists, string-keyed maps), the shape
/// a layout's model and a search entry have. Each value is written with its type and length, so different trees cannot
/// write the same bytes.
/// </summary>
public sealed class ContentKey : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The key of one value tree.</summary>
    public static string Of(object? value)
    {
        using var key = new ContentKey();
        key.Add(value);
        return key.Finish();
    }

    public void Add(object? value)
    {
        switch (value)
        {
            case null:
                Text("n", "");
                break;
            case string text:
                Text("s", text);
                break;
            case IMadeText made:
                Text("s", made.Text);
                break;
            case bool flag:
                Text("b", flag ? "1" : "0");
                break;
            case IDictionary<string, object?> map:
                Text("m", map.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var name in map.Keys.Order(StringComparer.Ordinal))
                {
                    Text("k", name);
                    Add(map[name]);
                }
                break;
            case IDictionary dictionary:
                Text("m", dictionary.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var name in dictionary.Keys.Cast<object>().Select(k => k.ToString() ?? "").Order(StringComparer.Ordinal))
                {
                    Text("k", name);
                    Add(dictionary[name]);
                }
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                Text("l", items.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var item in items)
                {
                    Add(item);
                }
                break;
            case IFormattable number:
                Text("#", number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"a content key holds plain values only, not {value.GetType().Name}", nameof(value));
        }
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    private void Text(string type, string text)
    {
        _hash.AppendData(Encoding.ASCII.GetBytes(type));
        _hash.AppendData(BitConverter.GetBytes(text.Length));
        // UTF-16 code units as they are: every string, even one with a lone surrogate, writes its own bytes.
        _hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}

/// <summary>A value that stands for text made on demand (a page's sidebar HTML): its key is the key of that text.</summary>
public interface IMadeText
{
    /// <summary>The text, made on first use and kept.</summary>
    string Text { get; }
}
