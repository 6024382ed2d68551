using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

public sealed class JsMathTests
{
    [Fact]
    public void Log_is_bit_identical_to_v8_math_log()
    {
        var random = new Random(7);
        var inputs = new List<double>();
        // The idf inputs lunr feeds it: 1 + |(N - n + 0.5) / (n + 0.5)|.
        foreach (int n in new[] { 1, 2, 3, 7, 10, 99, 250, 1000, 4321, 10_000 })
        {
            for (int k = 1; k <= Math.Min(n * 2, 3000); k += 1 + (k / 50))
            {
                inputs.Add(1 + Math.Abs((n - k + 0.5) / (k + 0.5)));
            }
        }
        for (int i = 0; i < 20_000; i++)
        {
            inputs.Add(random.NextDouble() * 100);
            inputs.Add(Math.Exp((random.NextDouble() * 1400) - 700));
            inputs.Add(1 + ((random.NextDouble() - 0.5) * 1e-5));
        }
        inputs.AddRange([1, 2, Math.E, 0.5, double.Epsilon, 4.9e-320, double.MaxValue, 1 + 1e-16, 1 - 1e-16]);

        var expected = LunrOracle.Run("log", inputs).EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var mismatches = inputs.Select((x, i) => (x, Expected: expected[i], Actual: JsMath.Log(x)))
            .Where(m => BitConverter.DoubleToInt64Bits(m.Expected) != BitConverter.DoubleToInt64Bits(m.Actual))
            .Select(m => $"log({m.x:R}): V8 {m.Expected:R}, ours {m.Actual:R}")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {inputs.Count} differ:\n" + string.Join('\n', mismatches.Take(20)));
    }

    [Theory]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -2)]
    [InlineData(-0.5, 0)]
    [InlineData(-0.6, -1)]
    [InlineData(4503599627370497, 4503599627370497)]
    [InlineData(1234.4999999, 1234)]
    public void Round_is_javascript_math_round(double x, double expected) => Assert.Equal(expected, JsMath.Round(x));

    [Fact]
    public void Number_format_is_javascript_to_string()
    {
        var random = new Random(11);
        var inputs = new List<double>
        {
            1, -1, 0.001, 0.0001, 0.00001, 0.000001, 0.0000001, 1.5e-7, 123e-20, 1e15, 1e20, 1e21, 1.5e21, 123456789012345680000.0,
            -0.0, 0.1 + 0.2, 5e-324, double.MaxValue, double.MinValue, 9.995, 100, 1e-5, 2.5e-5, 12345.678, -7.25e-9,
        };
        for (int i = 0; i < 5000; i++)
        {
            inputs.Add(JsMath.Round(random.NextDouble() * 20_000) / 1000);
            inputs.Add(BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 1);
            inputs.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)));
        }

        var expected = LunrOracle.Run("format", inputs).EnumerateArray().Select(e => e.GetString()).ToArray();

        Span<char> buffer = stackalloc char[JsMath.MaxNumberLength];
        for (int i = 0; i < inputs.Count; i++)
        {
            int length = JsMath.FormatNumber(inputs[i], buffer);
            Assert.Equal(expected[i], buffer[..length].ToString());
        }
    }
}
