using System.Text;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Stages.Input;

/// <summary>A path glob: <c>**</c> any folders, <c>*</c> any name part, <c>?</c> one character; matched against '/'-separated relative paths.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }
        // A pattern naming a folder ("drafts" or "drafts/") also covers what is inside it.
        regex.Append(pattern.EndsWith('/') ? ".*$" : "(?:/.*)?$");
        _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
