namespace Roadmap.Docs.Cli.Serve;

/// <summary>Watches folders (recursively) and reports the path of every change; a rename reports both names, lost events report null.</summary>
internal sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <param name="folders">Folders to watch; missing ones are skipped.</param>
    /// <param name="changed">Called on a watcher thread for every event with the absolute path, so it must be cheap (the rebuilder debounces).</param>
    public ChangeWatcher(IEnumerable<string> folders, Action<string?> changed)
    {
        foreach (var folder in folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => changed(e.FullPath);
            watcher.Created += (_, e) => changed(e.FullPath);
            watcher.Deleted += (_, e) => changed(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                changed(e.OldFullPath);
                changed(e.FullPath);
            };
            // An overflowed buffer lost events we cannot name: the full build to be safe.
            watcher.Error += (_, _) => changed(null);
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
