using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

public sealed class LunrTextTests
{
    [Theory]
    [InlineData("happy", "happi")]
    [InlineData("sky", "ski")]
    [InlineData("yelling", "yell")]
    [InlineData("lying", "ly")]
    [InlineData("one", "on")]
    [InlineData("tostring", "tostr")]
    [InlineData("generalization", "gener")]
    [InlineData("sensibiliti", "sensibl")]
    [InlineData("2020s", "2020")]
    [InlineData("abc1ed", "abc1")]
    [InlineData("rolling", "roll")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("ab", "ab")]
    public void Stemmer_matches_the_notes_spot_checks(string word, string stem) =>
        Assert.Equal(stem, LunrText.Stem(word));

    [Fact]
    public void Stemmer_matches_lunr_js_on_5000_distinct_words()
    {
        string[] words = StemmerWords();
        Assert.True(words.Length >= 5000, $"only {words.Length} words");

        var expected = LunrOracle.Run("stem", words).EnumerateArray().Select(LunrOracle.Text).ToArray();

        var mismatches = words.Select((w, i) => (w, Expected: expected[i], Actual: LunrText.Stem(w)))
            .Where(m => m.Expected != m.Actual)
            .Select(m => $"{m.w}: lunr {m.Expected}, ours {m.Actual}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(30)));
    }

    [Fact]
    public void Stop_word_list_has_lunrs_119_words()
    {
        Assert.Equal(119, LunrText.StopWords.Count);
        Assert.Empty(LunrText.IndexTerms(string.Join(' ', LunrText.StopWords)));
        // lunr's list is a plain object lookup: inherited names are not stop words.
        Assert.Equal(["constructor", "__proto__", "tostr"], LunrText.IndexTerms("constructor __proto__ toString"));
    }

    [Fact]
    public void Separators_are_exactly_js_whitespace_and_hyphen()
    {
        var expected = LunrOracle.Run("separators", null).EnumerateArray().Select(e => e.GetInt32()).ToHashSet();

        var actual = Enumerable.Range(0, 0x10000).Where(c => LunrText.IsSeparator((char)c)).ToHashSet();

        Assert.Equal(expected.Order(), actual.Order());
        Assert.Contains(0xFEFF, actual);
        Assert.DoesNotContain(0x0085, actual);
        Assert.DoesNotContain(0x200B, actual);
    }

    [Fact]
    public void Tokenizer_pipeline_and_query_terms_match_lunr_js()
    {
        string[] inputs =
        [
            .. LunrCorpus.Oddities,
            .. LunrCorpus.StopWords,
            string.Join(' ', LunrCorpus.Oddities),
            "İİ İstanbul DİYARBAKIR ıi",
            "ΟΔΟΣ Σ AΣ A'Σ AΣ' AΣ'B AΣ.B AΣ\u0301B ʰΣ ⒶΣ ΣΣ ΣA 1Σ ΑΣ😀 𐐀Σ Σ𐐀 ΣΑΣ-ΣΑΣ ΣΑΣ\u00A0ΣΑΣ",
            "The Rolling-Restart of  pods\t--force\n--dry-run=client -o yaml",
            "  leading and trailing  ",
            "",
            "-",
            "---",
            "a-b-c",
            "MiXeD CaSe ÀÉÎÕÜ ǅ ǈ",
            "x\u2029y\u205Fz\u1680w\u180Ev\u200Au\u202Ft",
        ];

        var expected = LunrOracle.Run("text", inputs).EnumerateArray().ToArray();

        for (int i = 0; i < inputs.Length; i++)
        {
            var e = expected[i];
            string input = inputs[i];
            Assert.Equal(LunrOracle.Text(e.GetProperty("lower")), JsLowerCase.ToLower(input));
            var tokens = e.GetProperty("tokens").EnumerateArray()
                .Select(t => new LunrToken(LunrOracle.Text(t[0]), t[1].GetInt32(), t[2].GetInt32()));
            Assert.Equal(tokens, LunrText.Tokenize(input));
            Assert.Equal(e.GetProperty("terms").EnumerateArray().Select(LunrOracle.Text), LunrText.IndexTerms(input));
            Assert.Equal(LunrOracle.Text(e.GetProperty("query")), LunrText.QueryTerm(input));
        }
    }

    [Fact]
    public void Tokenize_of_null_is_empty() => Assert.Empty(LunrText.Tokenize(null));

    [Fact]
    public void Memoized_pipeline_is_safe_in_parallel()
    {
        string[] words = StemmerWords();
        var expected = words.Select(PorterStemmer.Stem).ToArray();

        var actual = new string[words.Length];
        Parallel.For(0, words.Length * 4, i => actual[i % words.Length] = LunrText.Stem(words[i % words.Length]));

        Assert.Equal(expected, actual);
    }

    /// <summary>Corpus words, roots crossed with every suffix the stemmer's steps look at, and y-initial and digit words.</summary>
    internal static string[] StemmerWords()
    {
        string[] roots =
        [
            "connect", "relat", "condition", "valu", "hope", "electr", "adjust", "depend", "activ", "formal", "sensi",
            "gener", "organ", "roll", "deploy", "restart", "migrat", "replic", "rotat", "cach", "monitor", "trac",
            "schedul", "scal", "yell", "ly", "happ", "sk", "agr", "fe", "hop", "fil", "control", "generous", "bak",
            "runn", "plann", "stopp", "fizz", "buzz", "tann", "cr", "tr", "by", "say", "yes", "yak", "yield", "you",
            "abc1", "2020", "x86", "v2", "k8", "é", "naï", "ab", "a", "oper", "nation", "ration", "sens", "digit",
            "radic", "fear", "cheer", "hop", "sta", "ski", "ca", "fa", "ma", "ha", "ki", "ru", "zo", "ty", "wy",
        ];
        string[] suffixes =
        [
            "", "s", "es", "ies", "sses", "ss", "ed", "ing", "eed", "ational", "tional", "enci", "anci", "izer", "bli",
            "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness",
            "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance",
            "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive",
            "ize", "sion", "tion", "e", "ll", "ly", "y", "at", "bl", "iz", "ings", "ations", "izing", "alled",
        ];
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var suffix in suffixes)
            {
                words.Add(root + suffix);
            }
        }
        words.UnionWith(LunrCorpus.OpsWords);
        words.UnionWith(LunrCorpus.Oddities.Select(o => o.ToLowerInvariant()));
        return [.. words.Order(StringComparer.Ordinal)];
    }
}
