using System.Collections.Frozen;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Compares short phrases by their stemmed content words: "Pydantic V2 migration complete" and
/// "Complete Pydantic V1 to V2 migration" share {pydantic, v2, migr} once function words, completion
/// words and the usual deliverable verbs ("set up", "create", "implement"…) are set aside.
/// </summary>
internal static class WordMatch
{
    // Declared first: the stop-word set below is stemmed while the type initialises.
    private static readonly string[] DerivationalSuffixes = ["ation", "ition", "ment", "ness", "ion", "ity", "ate", "ive", "er", "at", "e"];

    // Completion words say "this work is finished"; they carry no meaning about *which* work, so they must not count.
    // The verbs open most deliverables ("Create…", "Implement…") and would make unrelated items look alike.
    private static readonly FrozenSet<string> StopStems = new[]
    {
        "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "all", "any", "each",
        "every", "is", "are", "be", "been", "has", "have", "it", "its", "this", "that", "these", "those", "as", "per", "via",
        "our", "new", "complete", "completed", "completion", "done", "finished", "delivered",
        "set", "up", "create", "implement", "add", "establish", "achieve", "conduct", "write", "make", "perform",
    }.Select(Stem).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The distinct stemmed content words of a phrase.</summary>
    public static FrozenSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var stem = Stem(text[start..i].ToLowerInvariant());
                if ((stem.Length > 1 || char.IsDigit(stem[0])) && !StopStems.Contains(stem))
                {
                    words.Add(stem);
                }
                start = -1;
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Dice coefficient: 2·|shared| / (|a| + |b|), 1 for the same words, 0 for none in common.</summary>
    public static double Similarity(FrozenSet<string> a, FrozenSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>
    /// A light suffix stripper, enough for plurals, -ing/-ed and the -ation/-ment/-ity families to meet
    /// ("migration", "migrate", "migrated" → "migr"). Not Porter: it only has to agree with itself.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            word = word[..^3] + "y";
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            word = word[..^1];
        }
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length >= 6)
        {
            word = word[..^3];
        }
        else if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length >= 5)
        {
            word = word[..^2];
        }
        // Repeated so "documentation" → "document" → "docu" meets "document" → "docu".
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var suffix in DerivationalSuffixes)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
                {
                    word = word[..^suffix.Length];
                    changed = true;
                    break;
                }
            }
        }
        return word;
    }
}
