using System.Globalization;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// The three pieces of JavaScript number behaviour lunr.js scores depend on, reproduced bit for bit:
/// V8's <c>Math.log</c> (fdlibm), <c>Math.round</c>, and <c>Number.prototype.toString</c>.
/// </summary>
internal static class JsMath
{
    private static readonly double Ln2Hi = BitConverter.Int64BitsToDouble(0x3FE62E42_FEE00000);
    private static readonly double Ln2Lo = BitConverter.Int64BitsToDouble(0x3DEA39EF_35793C76);
    private static readonly double Two54 = BitConverter.Int64BitsToDouble(0x43500000_00000000);
    private static readonly double Lg1 = BitConverter.Int64BitsToDouble(0x3FE55555_55555593);
    private static readonly double Lg2 = BitConverter.Int64BitsToDouble(0x3FD99999_9997FA04);
    private static readonly double Lg3 = BitConverter.Int64BitsToDouble(0x3FD24924_94229359);
    private static readonly double Lg4 = BitConverter.Int64BitsToDouble(0x3FCC71C5_1D8E78AF);
    private static readonly double Lg5 = BitConverter.Int64BitsToDouble(0x3FC74664_96CB03DE);
    private static readonly double Lg6 = BitConverter.Int64BitsToDouble(0x3FC39A09_D078C69F);
    private static readonly double Lg7 = BitConverter.Int64BitsToDouble(0x3FC2F112_DF3E5244);

    /// <summary>
    /// Natural logarithm as fdlibm's <c>e_log.c</c> computes it, which is what V8's <c>Math.log</c> runs.
    /// .NET's <see cref="Math.Log(double)"/> differs from it in the last bit for a few percent of inputs.
    /// </summary>
    public static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        uint lx = (uint)bits;
        int k = 0;
        if (hx < 0x00100000)
        {
            // x < 2^-1022: zero, negative or subnormal.
            if (((hx & 0x7fffffff) | (int)lx) == 0)
            {
                return double.NegativeInfinity;
            }
            if (hx < 0)
            {
                return double.NaN;
            }
            k -= 54;
            x *= Two54;
            hx = (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
        }
        if (hx >= 0x7ff00000)
        {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // Normalize x or x/2 by replacing the high word.
        x = BitConverter.Int64BitsToDouble(((long)(hx | (i ^ 0x3ff00000)) << 32) | (BitConverter.DoubleToInt64Bits(x) & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        double dk;
        double r;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            // -2^-20 <= f < 2^-20
            if (f == 0)
            {
                if (k == 0)
                {
                    return 0;
                }
                dk = k;
                return (dk * Ln2Hi) + (dk * Ln2Lo);
            }
            r = f * f * (0.5 - (0.33333333333333333 * f));
            if (k == 0)
            {
                return f - r;
            }
            dk = k;
            return (dk * Ln2Hi) - ((r - (dk * Ln2Lo)) - f);
        }
        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (Lg2 + (w * (Lg4 + (w * Lg6))));
        double t2 = z * (Lg1 + (w * (Lg3 + (w * (Lg5 + (w * Lg7))))));
        i |= j;
        r = t2 + t1;
        if (i > 0)
        {
            double hfsq = 0.5 * f * f;
            if (k == 0)
            {
                return f - (hfsq - (s * (hfsq + r)));
            }
            return (dk * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + (dk * Ln2Lo))) - f);
        }
        if (k == 0)
        {
            return f - (s * (f - r));
        }
        return (dk * Ln2Hi) - (((s * (f - r)) - (dk * Ln2Lo)) - f);
    }

    /// <summary>
    /// JavaScript <c>Math.round</c>: the nearest integer, ties toward +∞ (none of .NET's <see cref="MidpointRounding"/> modes,
    /// and not <c>Math.Floor(x + 0.5)</c>, which is wrong for 0.49999999999999994).
    /// </summary>
    public static double Round(double x)
    {
        if (!double.IsFinite(x))
        {
            return x;
        }
        double f = Math.Floor(x);
        return x - f >= 0.5 ? f + 1 : f;
    }

    /// <summary>Largest number of chars <see cref="FormatNumber"/> writes ("-1.2345678901234567e-308").</summary>
    public const int MaxNumberLength = 32;

    /// <summary>
    /// Writes a finite double the way JavaScript's <c>Number.prototype.toString</c> (and so <c>JSON.stringify</c>) does:
    /// the shortest round-trip digits, plain notation for 1e-7 &lt; |x| &lt; 1e21, otherwise <c>1.5e+21</c> style; <c>-0</c> is <c>0</c>.
    /// </summary>
    /// <returns>The number of chars written to <paramref name="destination"/> (which needs <see cref="MaxNumberLength"/> chars).</returns>
    public static int FormatNumber(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity.");
        }
        if (value == 0)
        {
            destination[0] = '0';
            return 1;
        }
        // Fast path for lunr's vector values, multiples of 0.001: when value is the double nearest to m / 1000 and small
        // enough that neighbouring doubles are far closer than 0.001, its shortest digits are m / 1000's own.
        double thousandths = Math.Round(value * 1000);
        if (Math.Abs(thousandths) < 1e12 && thousandths / 1000 == value)
        {
            return FormatThousandths((long)thousandths, destination);
        }
        Span<char> r = stackalloc char[MaxNumberLength];
        // .NET Core 3.0+ "R" gives the shortest round-trip digits, as JS does; only the notation differs.
        if (!value.TryFormat(r, out int length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit its format buffer.");
        }
        r = r[..length];
        int e = r.IndexOf('E');
        if (e < 0)
        {
            // Plain notation: .NET uses it for 1e-5 <= |x| < 1e15, where JS does too.
            r.CopyTo(destination);
            return length;
        }
        return ToJsNotation(r, e, destination);
    }

    private static int FormatThousandths(long m, Span<char> destination)
    {
        int pos = 0;
        if (m < 0)
        {
            destination[pos++] = '-';
            m = -m;
        }
        (m / 1000).TryFormat(destination[pos..], out int written, default, CultureInfo.InvariantCulture);
        pos += written;
        int fraction = (int)(m % 1000);
        if (fraction != 0)
        {
            destination[pos++] = '.';
            destination[pos++] = (char)('0' + (fraction / 100));
            if (fraction % 100 != 0)
            {
                destination[pos++] = (char)('0' + (fraction / 10 % 10));
                if (fraction % 10 != 0)
                {
                    destination[pos++] = (char)('0' + (fraction % 10));
                }
            }
        }
        return pos;
    }

    private static int ToJsNotation(ReadOnlySpan<char> r, int e, Span<char> destination)
    {
        int pos = 0;
        if (r[0] == '-')
        {
            destination[pos++] = '-';
            r = r[1..];
            e--;
        }
        int exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[24];
        int k = 0;
        int point = e;
        for (int i = 0; i < e; i++)
        {
            if (r[i] == '.')
            {
                point = i;
            }
            else
            {
                digits[k++] = r[i];
            }
        }
        // The value is 0.d1d2…dk × 10^n.
        int n = point + exponent;
        int lead = 0;
        while (lead < k - 1 && digits[lead] == '0')
        {
            lead++;
            n--;
        }
        digits = digits[lead..k];
        k = digits.Length;
        while (k > 1 && digits[k - 1] == '0')
        {
            k--;
        }
        digits = digits[..k];

        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination[pos..]);
            pos += k;
            destination.Slice(pos, n - k).Fill('0');
            return pos + n - k;
        }
        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[pos..]);
            pos += n;
            destination[pos++] = '.';
            digits[n..].CopyTo(destination[pos..]);
            return pos + k - n;
        }
        if (-6 < n && n <= 0)
        {
            destination[pos++] = '0';
            destination[pos++] = '.';
            destination.Slice(pos, -n).Fill('0');
            pos -= n;
            digits.CopyTo(destination[pos..]);
            return pos + k;
        }
        destination[pos++] = digits[0];
        if (k > 1)
        {
            destination[pos++] = '.';
            digits[1..].CopyTo(destination[pos..]);
            pos += k - 1;
        }
        destination[pos++] = 'e';
        int exp = n - 1;
        destination[pos++] = exp < 0 ? '-' : '+';
        Math.Abs(exp).TryFormat(destination[pos..], out int written, default, CultureInfo.InvariantCulture);
        return pos + written;
    }
}
