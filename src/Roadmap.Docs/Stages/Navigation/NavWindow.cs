namespace Roadmap.Docs.Stages.Navigation;

/// <summary>
/// Which items of one folder the sidebar lists. A folder of at most <see cref="MaxListed"/> items is listed whole.
/// A bigger one shows its first <see cref="Lead"/> items (where its overview pages sort), a gap, and a window of
/// <see cref="Before"/> items before the open one and <see cref="After"/> after it (kept full at the ends, the first
/// items when none is open), then a "Show all N" link. So no level lists more than
/// <see cref="Lead"/> + 1 + <see cref="Before"/> + 1 + <see cref="After"/> items, whatever the size of the folder.
/// </summary>
public static class NavWindow
{
    public const int MaxListed = 40;

    public const int Lead = 3;

    public const int Before = 12;

    public const int After = 12;

    /// <summary>Stands for the skipped items between the lead and the window.</summary>
    public const int Gap = -1;

    /// <summary>The indexes to list, in order, with <see cref="Gap"/> where items are skipped.</summary>
    /// <param name="count">How many items the folder has.</param>
    /// <param name="open">The index of the item on the open path (the page or the folder holding it), or -1.</param>
    public static IEnumerable<int> Select(int count, int open)
    {
        if (count <= MaxListed)
        {
            return Enumerable.Range(0, count);
        }
        var size = Before + 1 + After;
        var start = open < 0 ? 0 : Math.Clamp(open - Before, 0, count - size);
        // A window that starts within the lead, or just after it, grows to the top: a gap would hide one item at most.
        return start <= Lead + 1
            ? Enumerable.Range(0, start + size)
            : Enumerable.Range(0, Lead).Append(Gap).Concat(Enumerable.Range(start, size));
    }
}
