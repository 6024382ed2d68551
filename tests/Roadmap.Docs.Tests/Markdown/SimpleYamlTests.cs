using System.Globalization;
using System.Text;
using CsCheck;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.FrontMatter;

namespace Roadmap.Docs.Tests.Markdown;

/// <summary>The fast reader of simple front matter gives exactly what YamlDotNet gives, or declines.</summary>
public class SimpleYamlTests
{
    [Fact]
    public void Reads_the_usual_front_matter_with_positions()
    {
        var yaml = "title: Restore PostgreSQL\nkind: runbook\n# reviewed quarterly\ntags: [database, backup]\ndepends_on:\n  - phase-1\n  - 'phase-2'\nowner:\n";

        var values = SimpleYaml.TryParse(yaml, 2);

        Assert.NotNull(values);
        Assert.Equal(Dump(YamlValues.ParseWithYamlDotNet(yaml, 2).Values), Dump(values));
        Assert.Contains("title=Restore PostgreSQL@2:1", Dump(values).Split('\n'));
        Assert.Contains("depends_on=[phase-1@7:5, phase-2@8:5]@6:1", Dump(values).Split('\n'));
    }

    [Theory]
    [InlineData("title: a: b\n")]
    [InlineData("title: x # comment\n")]
    [InlineData("meta:\n  owner: me\n")]
    [InlineData("title: &a x\n")]
    [InlineData("text: |\n  block\n")]
    [InlineData("title: \"a\\tb\"\n")]
    [InlineData("title: one\n  two\n")]
    [InlineData("title: a\ntitle: b\n")]
    [InlineData("\ttitle: a\n")]
    public void Declines_what_it_does_not_read_exactly(string yaml) => Assert.Null(SimpleYaml.TryParse(yaml, 1));

    /// <summary>Generated front matter mixing what it reads with what it must decline: whenever it answers, YamlDotNet agrees.</summary>
    [Fact]
    public void Agrees_with_YamlDotNet_whenever_it_answers()
    {
        string[] keys = ["title", "kind", "tags", "depends_on", "a-b", "_x", "1x", "weeks"];
        string[] scalars = ["Redis cache outage", "sev1", "2026-01-05", "3-5", "~", "null", "Null", "", "''", "'it''s'", "'a'b'", "\"quoted\"", "\"esc\\\"\"",
            "a: b", "a #c", "x:", "[a, b]", "[ a , b ]", "[]", "[a,, b]", "[a, [b]]", "[-a]", "[null, ~]", "-x", "- x", "?x", "*ref", "&a x", "|", ">", "!t x",
            "{a: 1}", "a [b] {c}", "trailing  ", "50%", "@at", "`tick`", "a#b", "\"\"", "'"];
        string[] continuations = ["", "  - item", "- item", "    - deep", "  -", "  - 'q'", "  - a: b", "  nested: 1", "  more text", "# comment", "   # indented comment", "", "---", "\tx"];
        var line = Gen.Frequency(
            (6, Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, scalars.Length - 1], (k, v) => $"{keys[k]}: {scalars[v]}")),
            (2, Gen.Select(Gen.Int[0, keys.Length - 1], k => $"{keys[k]}:")),
            (3, Gen.Int[0, continuations.Length - 1].Select(c => continuations[c])));
        var answered = 0;
        line.Array[0, 8].Select(lines => string.Join('\n', lines) + "\n").Sample(yaml =>
        {
            if (SimpleYaml.TryParse(yaml, 3) is not { } simple)
            {
                return;
            }
            Interlocked.Increment(ref answered);
            var full = YamlValues.ParseWithYamlDotNet(yaml, 3);
            Assert.True(full.Error is null, $"YamlDotNet rejects what the fast reader accepted:\n{yaml}\n{full.Error}");
            Assert.Equal(Dump(full.Values), Dump(simple));
        }, iter: 20_000);
        // The generator is not all declines: a good share of the cases are answered (and so compared).
        Assert.InRange(answered, 2_000, 20_000);
    }

    private static string Dump(Docs.Engine.FrontMatter values)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in values.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(key).Append('=').Append(Dump(value));
        }
        return text.ToString().TrimStart('\n');
    }

    private static string Dump(FrontMatterValue value) => value.Value switch
    {
        null => "null",
        string s => s,
        IReadOnlyList<FrontMatterValue> list => "[" + string.Join(", ", list.Select(Dump)) + "]",
        _ => value.Value.GetType().Name,
    } + string.Create(CultureInfo.InvariantCulture, $"@{value.Line}:{value.Column}");
}
