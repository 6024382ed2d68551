namespace Roadmap.Docs.Cli.Serve;

/// <summary>What <c>serve</c> is asked to do: the build to repeat on every change, and where to listen.</summary>
/// <param name="Build">The build to run (its output folder is the one served).</param>
/// <param name="Host">An IP address or "localhost"; loopback unless the user asks otherwise.</param>
/// <param name="Port">The TCP port; 0 picks a free one (see <see cref="DevServer.Url"/>).</param>
/// <param name="PathPrefix">Where the site lives on the server, "/" or "/pr-42/" (normalised with <see cref="NormalizePrefix"/>).</param>
public sealed record ServeOptions(BuildOptions Build, string Host, int Port, string PathPrefix)
{
    /// <summary>The input folder as the user typed it, so diagnostics read "input/runbooks/redis.md:3:1" and editors can jump there.</summary>
    public string InputDisplay { get; init; } = "input";

    /// <summary>"/pr-42/" from "pr-42", "/pr-42" or "/pr-42/"; null when a segment is empty, a dot segment or has characters a URL would have to escape.</summary>
    public static string? NormalizePrefix(string prefix)
    {
        var segments = prefix.Trim('/').Split('/');
        if (segments is [""])
        {
            return "/";
        }
        var valid = segments.All(s => s.Length > 0 && s is not ("." or "..") && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'));
        return valid ? "/" + string.Join('/', segments) + "/" : null;
    }
}
