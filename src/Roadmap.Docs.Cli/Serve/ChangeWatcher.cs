namespace Roadmap.Docs.Cli.Serve;

/// <summary>Watches folders (recursively) and reports that something changed; which file is not needed, as every change means a full rebuild.</summary>
internal sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <param name="folders">Folders to watch; missing ones are skipped.</param>
    /// <param name="changed">Called on a watcher thread for every event, so it must be cheap (the rebuilder debounces).</param>
    public ChangeWatcher(IEnumerable<string> folders, Action changed)
    {
        foreach (var folder in folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => changed();
            watcher.Created += (_, _) => changed();
            watcher.Deleted += (_, _) => changed();
            watcher.Renamed += (_, _) => changed();
            // An overflowed buffer lost events we cannot name: rebuild to be safe.
            watcher.Error += (_, _) => changed();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
