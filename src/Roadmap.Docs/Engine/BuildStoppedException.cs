namespace Roadmap.Docs.Engine;

/// <summary>
/// A failure that ends the whole build instead of one pipeline, because nothing after it can succeed (the disk
/// holding the output is full or read-only). The engine lets it through rather than reporting it as a diagnostic.
/// </summary>
public sealed class BuildStoppedException : Exception
{
    public BuildStoppedException()
    {
    }

    public BuildStoppedException(string message)
        : base(message)
    {
    }

    public BuildStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
