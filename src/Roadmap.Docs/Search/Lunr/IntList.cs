namespace Roadmap.Docs.Search.Lunr;

/// <summary>A growable int array with direct access to its items (no bounds-checked wrapper, no boxing).</summary>
internal sealed class IntList
{
    private int[] _items;

    public IntList(int capacity = 4) => _items = new int[capacity];

    public int Count { get; private set; }

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = value;
    }

    public ReadOnlySpan<int> AsSpan() => _items.AsSpan(0, Count);

    public int[] ToArray() => AsSpan().ToArray();
}
