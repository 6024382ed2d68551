using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Tests.Search;

/// <summary>
/// Runs the real lunr.js 2.3.9 (theme/node_modules/lunr) in one <c>node</c> process per call, through lunr-oracle.js.
/// Without node the calling test is skipped, except on CI (CI=true), where that is a failure.
/// </summary>
internal static class LunrOracle
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string LunrJsPath => Path.Combine(RepositoryRoot, "theme", "node_modules", "lunr", "lunr.js");

    public static string ScriptPath(string name) => Path.Combine(RepositoryRoot, "tests", "Roadmap.Docs.Tests", "Search", name);

    /// <summary>Runs one oracle command on <paramref name="input"/> (written with the JS-exact JSON writer, so lone surrogates survive).</summary>
    public static JsonElement Run(string command, object? input)
    {
        string node = FindNode();
        Assert.True(File.Exists(LunrJsPath), $"lunr.js is not installed at {LunrJsPath}: build the solution once (theme.targets runs npm ci).");
        using var temp = new TempDirectory();
        string inputPath = Path.Combine(temp.Path, "input.json");
        string outputPath = Path.Combine(temp.Path, "output.json");
        File.WriteAllText(inputPath, ToJson(input));

        var start = new ProcessStartInfo(node)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ScriptPath("lunr-oracle.js"), LunrJsPath, command, inputPath, outputPath })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node lunr-oracle.js {command} exited with {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
        using var document = JsonDocument.Parse(File.ReadAllBytes(outputPath));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A JSON string's value, lone surrogates included (<see cref="JsonElement.GetString"/> refuses those, and lunr keeps
    /// them: a token can hold half an emoji).
    /// </summary>
    public static string Text(JsonElement element)
    {
        string raw = element.GetRawText();
        Assert.True(element.ValueKind == JsonValueKind.String, $"not a JSON string: {raw}");
        var sb = new StringBuilder(raw.Length);
        for (int i = 1; i < raw.Length - 1; i++)
        {
            char c = raw[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            c = raw[++i];
            sb.Append(c switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                _ => c,
            });
            if (c == 'u')
            {
                i += 4;
            }
        }
        return sb.ToString();
    }

    /// <summary>The path of <c>node</c> on PATH; skips the test when there is none (fails on CI).</summary>
    public static string FindNode()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string[] names = OperatingSystem.IsWindows() ? ["node.exe", "node.cmd"] : ["node"];
        foreach (var directory in directories)
        {
            foreach (var name in names)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        string message = "node not found: the lunr.js oracle tests need Node.js on PATH.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return "";
    }

    /// <summary>Serializes strings, numbers, bools, null, dictionaries (string keys) and sequences, as JSON.stringify would.</summary>
    public static string ToJson(object? value) => JsJsonWriter.ToText(stream =>
    {
        using var writer = new JsJsonWriter(stream);
        Write(writer, value);
    });

    private static void Write(JsJsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.Raw("null");
                break;
            case string s:
                w.String(s);
                break;
            case bool b:
                w.Raw(b ? "true" : "false");
                break;
            case int or long:
                w.Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                w.Number(d);
                break;
            case IDictionary dictionary:
                w.Join('{', '}', dictionary.Keys.Cast<string>(), key =>
                {
                    w.String(key);
                    w.Raw(':');
                    Write(w, dictionary[key]);
                });
                break;
            case IEnumerable sequence:
                w.Join('[', ']', sequence.Cast<object?>(), item => Write(w, item));
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Roadmap.Docs.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Roadmap.Docs.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "roadmap-lunr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
