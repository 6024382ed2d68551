using System.Text.RegularExpressions;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// lunr.js 2.3.9's Porter stemmer (the tartarus.org JavaScript version, lunr.js L947–1151), regex for regex.
/// JS <c>.</c> and <c>$</c> are spelled out (<c>[^\n\r\u2028\u2029]</c>, <c>\z</c>) so .NET matches them exactly.
/// It runs once per distinct word: <see cref="LunrText"/> memoizes it.
/// </summary>
internal static partial class PorterStemmer
{
    // c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*"
    private const string C = "[^aeiou][^aeiouy]*";
    private const string V = "[aeiouy][aeiou]*";
    private const string Dot = @"[^\n\r\u2028\u2029]";

    [GeneratedRegex("^(" + C + ")?" + V + C)]
    private static partial Regex Mgr0();

    [GeneratedRegex("^(" + C + ")?" + V + C + "(" + V + @")?\z")]
    private static partial Regex Meq1();

    [GeneratedRegex("^(" + C + ")?" + V + C + V + C)]
    private static partial Regex Mgr1();

    [GeneratedRegex("^(" + C + ")?[aeiouy]")]
    private static partial Regex VowelInStem();

    [GeneratedRegex("^(" + Dot + @"+?)(ss|i)es\z")]
    private static partial Regex Step1a();

    [GeneratedRegex("^(" + Dot + @"+?)([^s])s\z")]
    private static partial Regex Step1a2();

    [GeneratedRegex("^(" + Dot + @"+?)eed\z")]
    private static partial Regex Step1b();

    [GeneratedRegex("^(" + Dot + @"+?)(ed|ing)\z")]
    private static partial Regex Step1b2();

    [GeneratedRegex(@"(at|bl|iz)\z")]
    private static partial Regex Step1bAddE();

    [GeneratedRegex(@"([^aeiouylsz])\1\z")]
    private static partial Regex Step1bDouble();

    // Also re3_5: "^" + C + v + "[^aeiouwxy]$"
    [GeneratedRegex("^" + C + @"[aeiouy][^aeiouwxy]\z")]
    private static partial Regex Cvc();

    [GeneratedRegex("^(" + Dot + @"+?[^aeiou])y\z")]
    private static partial Regex Step1c();

    [GeneratedRegex("^(" + Dot + @"+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)\z")]
    private static partial Regex Step2();

    [GeneratedRegex("^(" + Dot + @"+?)(icate|ative|alize|iciti|ical|ful|ness)\z")]
    private static partial Regex Step3();

    [GeneratedRegex("^(" + Dot + @"+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\z")]
    private static partial Regex Step4();

    [GeneratedRegex("^(" + Dot + @"+?)(s|t)(ion)\z")]
    private static partial Regex Step4b();

    [GeneratedRegex("^(" + Dot + @"+?)e\z")]
    private static partial Regex Step5();

    private static readonly Dictionary<string, string> Step2List = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate",
        ["tional"] = "tion",
        ["enci"] = "ence",
        ["anci"] = "ance",
        ["izer"] = "ize",
        ["bli"] = "ble",
        ["alli"] = "al",
        ["entli"] = "ent",
        ["eli"] = "e",
        ["ousli"] = "ous",
        ["ization"] = "ize",
        ["ation"] = "ate",
        ["ator"] = "ate",
        ["alism"] = "al",
        ["iveness"] = "ive",
        ["fulness"] = "ful",
        ["ousness"] = "ous",
        ["aliti"] = "al",
        ["iviti"] = "ive",
        ["biliti"] = "ble",
        ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3List = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic",
        ["ative"] = "",
        ["alize"] = "al",
        ["iciti"] = "ic",
        ["ical"] = "ic",
        ["ful"] = "",
        ["ness"] = "",
    };

    public static string Stem(string w)
    {
        if (w.Length < 3)
        {
            return w;
        }
        bool initialY = w[0] == 'y';
        if (initialY)
        {
            w = "Y" + w[1..];
        }

        // Step 1a
        Match m;
        if ((m = Step1a().Match(w)).Success || (m = Step1a2().Match(w)).Success)
        {
            w = m.Groups[1].Value + m.Groups[2].Value;
        }

        // Step 1b
        if ((m = Step1b().Match(w)).Success)
        {
            if (Mgr0().IsMatch(m.Groups[1].ValueSpan))
            {
                w = DropLastChar(w);
            }
        }
        else if ((m = Step1b2().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (VowelInStem().IsMatch(stem))
            {
                w = stem;
                if (Step1bAddE().IsMatch(w))
                {
                    w += "e";
                }
                else if (Step1bDouble().IsMatch(w))
                {
                    w = DropLastChar(w);
                }
                else if (Cvc().IsMatch(w))
                {
                    w += "e";
                }
            }
        }

        // Step 1c: a final y after a consonant (not the first letter) becomes i.
        if ((m = Step1c().Match(w)).Success)
        {
            w = m.Groups[1].Value + "i";
        }

        // Step 2
        if ((m = Step2().Match(w)).Success && Mgr0().IsMatch(m.Groups[1].ValueSpan))
        {
            w = m.Groups[1].Value + Step2List[m.Groups[2].Value];
        }

        // Step 3
        if ((m = Step3().Match(w)).Success && Mgr0().IsMatch(m.Groups[1].ValueSpan))
        {
            w = m.Groups[1].Value + Step3List[m.Groups[2].Value];
        }

        // Step 4
        if ((m = Step4().Match(w)).Success)
        {
            if (Mgr1().IsMatch(m.Groups[1].ValueSpan))
            {
                w = m.Groups[1].Value;
            }
        }
        else if ((m = Step4b().Match(w)).Success)
        {
            string stem = m.Groups[1].Value + m.Groups[2].Value;
            if (Mgr1().IsMatch(stem))
            {
                w = stem;
            }
        }

        // Step 5
        if ((m = Step5().Match(w)).Success)
        {
            var stem = m.Groups[1].ValueSpan;
            if (Mgr1().IsMatch(stem) || (Meq1().IsMatch(stem) && !Cvc().IsMatch(stem)))
            {
                w = m.Groups[1].Value;
            }
        }
        if (w.EndsWith("ll", StringComparison.Ordinal) && Mgr1().IsMatch(w))
        {
            w = DropLastChar(w);
        }

        return initialY ? "y" + w[1..] : w;
    }

    /// <summary>JS <c>w.replace(/.$/, "")</c>: drops the last char unless it is a line terminator.</summary>
    private static string DropLastChar(string w) =>
        w.Length > 0 && w[^1] is not ('\n' or '\r' or '\u2028' or '\u2029') ? w[..^1] : w;
}
