using System.Text;

namespace Roadmap.Docs.Tests;

/// <summary>
/// Spec-style tests in the manner of markdig's specs: a markdown file of prose with examples, each a fenced block
/// whose info string starts with <c>example</c>: the input, a line holding only <c>.</c>, then the expected output.
/// </summary>
public sealed record SpecExample(string File, int Line, string Info, string Input, string Expected)
{
    public override string ToString() => $"{System.IO.Path.GetFileName(File)}:{Line}";

    public static IEnumerable<SpecExample> Read(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("````example", StringComparison.Ordinal))
            {
                continue;
            }
            var info = lines[i]["````example".Length..].Trim();
            var start = i + 1;
            var input = new StringBuilder();
            var expected = new StringBuilder();
            var target = input;
            for (i++; i < lines.Length && lines[i] != "````"; i++)
            {
                if (lines[i] == "." && target == input)
                {
                    target = expected;
                    continue;
                }
                target.Append(lines[i]).Append('\n');
            }
            yield return new SpecExample(path, start, info, input.ToString().Replace('→', '\t'), expected.ToString());
        }
    }

    /// <summary>Writes <c>name.actual.md</c> beside the spec with every example's expected output replaced by what the code produced.</summary>
    public static void WriteActual(string specPath, Func<SpecExample, string> render)
    {
        var source = System.IO.Path.Combine(TestPaths.SourceTestData, "Specs", System.IO.Path.GetFileName(specPath));
        var lines = System.IO.File.ReadAllLines(source);
        var output = new StringBuilder();
        var examples = Read(source).ToList();
        var index = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            output.Append(lines[i]).Append('\n');
            if (!lines[i].StartsWith("````example", StringComparison.Ordinal))
            {
                continue;
            }
            for (i++; i < lines.Length && lines[i] != "."; i++)
            {
                output.Append(lines[i]).Append('\n');
            }
            output.Append(".\n").Append(render(examples[index++]));
            while (i < lines.Length && lines[i] != "````")
            {
                i++;
            }
            output.Append("````\n");
        }
        System.IO.File.WriteAllText(System.IO.Path.ChangeExtension(source, ".actual.md"), output.ToString());
    }
}
