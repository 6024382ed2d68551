using System.Text;
using Roadmap.Docs.Stages.Output;

namespace Roadmap.Docs.Tests.Output;

/// <summary>The page writer against its definition: the bytes of <see cref="Encoding.UTF8"/> (no byte order mark) for the whole text.</summary>
public class Utf8WriterTests
{
    // ASCII, two- and three-byte characters, a surrogate pair (emoji), and a lone surrogate at the very end.
    private static readonly string[] Pieces = ["<p>", "é", "ü", " — ", "日本", "😀", "\n", "plain text ", "&amp;"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Writes_what_UTF8_encodes_of_everything_written_whatever_the_pieces(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        using var bytes = new MemoryStream();
        using (var writer = new Utf8Writer(bytes))
        {
            // Enough to fill the writer's buffer many times; pieces cut anywhere, even between the halves of a pair.
            while (text.Length < 200_000)
            {
                var piece = random.Next(10) == 0 ? new string('x', random.Next(40_000)) : Pieces[random.Next(Pieces.Length)];
                var cut = random.Next(piece.Length + 1);
                text.Append(piece);
                writer.Write(piece.AsSpan(0, cut));
                if (random.Next(2) == 0)
                {
                    writer.Write(piece[cut..]);
                }
                else
                {
                    foreach (var c in piece[cut..])
                    {
                        writer.Write(c);
                    }
                }
            }
        }
        Assert.Equal(new UTF8Encoding(false).GetBytes(text.ToString()), bytes.ToArray());
    }

    [Fact]
    public void A_lone_surrogate_at_the_end_becomes_the_replacement_character_as_StreamWriter_writes_it()
    {
        using var ours = new MemoryStream();
        using (var writer = new Utf8Writer(ours))
        {
            writer.Write("end \uD83D");
        }
        using var reference = new MemoryStream();
        using (var writer = new StreamWriter(reference, new UTF8Encoding(false)))
        {
            writer.Write("end \uD83D");
        }
        Assert.Equal(reference.ToArray(), ours.ToArray());
        Assert.Equal("end \uFFFD", Encoding.UTF8.GetString(ours.ToArray()));
    }
}
