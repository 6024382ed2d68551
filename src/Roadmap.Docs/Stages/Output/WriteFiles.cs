using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.Output;

/// <summary>Writes each document's content (or copies its file) to its destination under the output root.</summary>
public static class WriteFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IModule Module { get; } = new ForEachDocument(Write);

    /// <summary>
    /// Writes the document now and lets its content and panels go (for pages written as soon as they are rendered). A run
    /// that writes nothing (lint, an in-memory build) keeps them, for whoever reads the results.
    /// </summary>
    public static Document WriteAndRelease(Document doc, Engine.ExecutionContext context) =>
        context.Environment.WritesOutput ? Write(doc, context) with { Content = "", Panels = [], Written = true } : doc;

    private static Document Write(Document doc, Engine.ExecutionContext context)
    {
        if (doc.Destination.Length == 0 || doc.Written || !context.Environment.WritesOutput)
        {
            return doc;
        }
        var path = Path.GetFullPath(Path.Combine(context.Environment.OutputRoot, doc.Destination));
        var root = Path.GetFullPath(context.Environment.OutputRoot) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            context.Diagnostics.Report(Rules.OutputPath, doc.Source, 1, 1, $"output path '{doc.Destination}' would fall outside the output folder; not written");
            return doc;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (doc.CopyFrom is not null)
            {
                File.Copy(doc.CopyFrom, path, overwrite: true);
            }
            else
            {
                File.WriteAllText(path, doc.Content, Utf8);
            }
        }
        catch (IOException ex) when (OutputFolder.IsOutOfRoom(ex))
        {
            // Every later file would fail the same way: one clear error, not one per file.
            throw new BuildStoppedException($"{Reason(ex, path)} (while writing {doc.Destination})", ex);
        }
        catch (IOException ex)
        {
            ReportUnwritten(doc, path, ex, context);
        }
        catch (UnauthorizedAccessException ex)
        {
            ReportUnwritten(doc, path, ex, context);
        }
        return doc;
    }

    /// <summary>One file that cannot be written (a name clash, a source file that cannot be read): an error on its source, the rest goes on.</summary>
    private static void ReportUnwritten(Document doc, string path, Exception ex, Engine.ExecutionContext context) =>
        context.Diagnostics.Report(Rules.OutputPath, doc.Source.Length > 0 ? doc.Source : "(build)", 1, 1, $"'{doc.Destination}' could not be written: {Reason(ex, path)}");

    /// <summary>The system's reason without the staging path it appends (the message names the page instead).</summary>
    private static string Reason(Exception ex, string path) => ex.Message.Replace($" : '{path}'", "", StringComparison.Ordinal);
}
