using System.Globalization;
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
    /// Writes each document now, in the Process phase, and lets its content go (files that nothing later reads, written
    /// while other pipelines still work). A run that writes nothing keeps them, for whoever reads the results.
    /// </summary>
    public static IModule Now { get; } = new ForEachDocument((doc, context) =>
        context.Environment.WritesOutput && doc.Destination.Length > 0 && doc.CopyFrom is null ? Write(doc, context) with { Content = "", Written = true } : doc);

    /// <summary>
    /// Writes a page as it is rendered, straight into its file, and lets its content and panels go (pages are written as
    /// soon as they are laid out, so no page's whole text is held). A run that writes nothing (lint, an in-memory build)
    /// keeps the text as the document's content, for whoever reads the results.
    /// </summary>
    public static Document WriteText(Document doc, Action<TextWriter> write, Engine.ExecutionContext context)
    {
        if (!context.Environment.WritesOutput)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            write(text);
            return doc with { Content = text.ToString() };
        }
        Put(doc, context, path => Create(path, file =>
        {
            using var writer = new Utf8Writer(file);
            write(writer);
        }));
        return doc with { Content = "", Panels = [], Written = true };
    }

    /// <summary>
    /// Writes a file that is made as bytes straight to its destination (the search index: no string of a whole shard is
    /// ever held). A run that writes nothing keeps the text as the document's content instead.
    /// </summary>
    public static Document WriteStreamed(string destination, Action<Stream> write, Engine.ExecutionContext context)
    {
        var doc = new Document { Source = "", Destination = destination };
        if (!context.Environment.WritesOutput)
        {
            using var bytes = new MemoryStream();
            write(bytes);
            return doc with { Content = Utf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length) };
        }
        Put(doc, context, path => Create(path, write));
        return doc with { Written = true };
    }

    /// <summary>Creates the file and writes it; one that fails half way (a template error on the page) is removed, not left half-written.</summary>
    private static void Create(string path, Action<Stream> write)
    {
        // The writers buffer; a second buffer in the file stream would only copy the bytes once more.
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var complete = false;
        try
        {
            using (file)
            {
                write(file);
            }
            complete = true;
        }
        finally
        {
            if (!complete)
            {
                File.Delete(path);
            }
        }
    }

    private static Document Write(Document doc, Engine.ExecutionContext context)
    {
        if (doc.Destination.Length == 0 || doc.Written || !context.Environment.WritesOutput)
        {
            return doc;
        }
        Put(doc, context, path =>
        {
            if (doc.CopyFrom is not null)
            {
                File.Copy(doc.CopyFrom, path, overwrite: true);
            }
            else
            {
                File.WriteAllText(path, doc.Content, Utf8);
            }
        });
        return doc;
    }

    /// <summary>Puts one file of <paramref name="doc"/> at its destination under the output root, or reports why not.</summary>
    private static void Put(Document doc, Engine.ExecutionContext context, Action<string> put)
    {
        var path = Path.GetFullPath(Path.Combine(context.Environment.OutputRoot, doc.Destination));
        var root = Path.GetFullPath(context.Environment.OutputRoot) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            context.Diagnostics.Report(Rules.OutputPath, doc.Source, 1, 1, $"output path '{doc.Destination}' would fall outside the output folder; not written");
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            put(path);
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
    }

    /// <summary>One file that cannot be written (a name clash, a source file that cannot be read): an error on its source, the rest goes on.</summary>
    private static void ReportUnwritten(Document doc, string path, Exception ex, Engine.ExecutionContext context) =>
        context.Diagnostics.Report(Rules.OutputPath, doc.Source.Length > 0 ? doc.Source : "(build)", 1, 1, $"'{doc.Destination}' could not be written: {Reason(ex, path)}");

    /// <summary>The system's reason without the staging path it appends (the message names the page instead).</summary>
    private static string Reason(Exception ex, string path) => ex.Message.Replace($" : '{path}'", "", StringComparison.Ordinal);
}
