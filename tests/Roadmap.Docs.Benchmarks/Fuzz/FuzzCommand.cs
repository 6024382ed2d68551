using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Roadmap.Docs.Benchmarks.Fuzz;

/// <summary>
/// <c>fuzz</c>: a long fuzzing campaign on the front matter or the markdown body of a page, with the whole build run
/// on each case. Three ways to run it: a coverage-less mutation loop in this process (the default), under AFL++ with
/// SharpFuzz instrumentation (<c>--afl</c>; started by fuzz-afl.sh), and one saved case replayed (<c>--replay</c>).
/// </summary>
internal static class FuzzCommand
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Roadmap.Docs.Benchmarks -- fuzz --target frontmatter|markdown [options]
          --seconds 600        how long the in-process campaign runs (default 600)
          --seed 1             the campaign's random seed (default: from the clock, printed)
          --findings <dir>     where failing cases are saved (default tests/Roadmap.Docs.Benchmarks/artifacts/fuzz/<target>/found)
          --write-seeds <dir>  write the starting inputs (front matter blocks or page bodies of the real pages) and
                               an AFL dictionary of the mutators' tokens (dictionary.txt beside the folder), and stop
          --replay <file>      run one input (an AFL crash file or a saved case) and print what breaks
          --afl                run under afl-fuzz: read each input from stdin through SharpFuzz (see fuzz-afl.sh)
        """;

    private enum Target
    {
        FrontMatter,
        Markdown,
    }

    private sealed record Options(Target Target, int Seconds, int? Seed, string? Findings, string? WriteSeeds, string? Replay, bool Afl);

    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            return 2;
        }
        if (FuzzSite.FindRepoRoot() is not { } repo)
        {
            Console.Error.WriteLine("error: run from inside the repository (input/ and theme/ are needed)");
            return 2;
        }
        var site = new FuzzSite(repo);
        var harness = new Harness(site, options.Target);
        if (options.WriteSeeds is { } seedsFolder)
        {
            var count = harness.WriteSeeds(seedsFolder);
            Harness.WriteDictionary(Path.Combine(seedsFolder, "..", "dictionary.txt"));
            Console.Error.WriteLine($"{count} seed inputs written to {seedsFolder}, the AFL dictionary beside it");
            return 0;
        }
        if (options.Replay is { } replay)
        {
            var problems = await harness.RunOneAsync(File.ReadAllBytes(replay));
            Console.WriteLine(problems.Count == 0 ? "no problem found" : string.Join('\n', problems));
            return problems.Count == 0 ? 0 : 1;
        }
        if (options.Afl)
        {
            SharpFuzz.Fuzzer.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var problems = harness.RunOneAsync(buffer.ToArray()).GetAwaiter().GetResult();
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException(string.Join('\n', problems));
                }
            });
            return 0;
        }
        var findings = options.Findings ?? Path.Combine(repo, "tests", "Roadmap.Docs.Benchmarks", "artifacts", "fuzz", Name(options.Target), "found");
        return await harness.CampaignAsync(TimeSpan.FromSeconds(options.Seconds), options.Seed ?? Environment.TickCount, findings);
    }

    private static string Name(Target target) => target == Target.FrontMatter ? "frontmatter" : "markdown";

    private static Options? Parse(string[] args)
    {
        var options = new Options(Target.FrontMatter, 600, null, null, null, null, Afl: false);
        var hasTarget = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--target":
                        options = options with
                        {
                            Target = Value() switch
                            {
                                "frontmatter" => Target.FrontMatter,
                                "markdown" => Target.Markdown,
                                var other => throw new FormatException($"unknown target '{other}'"),
                            },
                        };
                        hasTarget = true;
                        break;
                    case "--seconds": options = options with { Seconds = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                    case "--seed": options = options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                    case "--findings": options = options with { Findings = Value() }; break;
                    case "--write-seeds": options = options with { WriteSeeds = Value() }; break;
                    case "--replay": options = options with { Replay = Value() }; break;
                    case "--afl": options = options with { Afl = true }; break;
                    default: throw new FormatException(args[i] is "--help" or "-h" ? "" : $"unknown option {args[i]}");
                }
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine(ex.Message.Length > 0 ? $"error: {ex.Message}\n{Usage}" : Usage);
                return null;
            }
        }
        if (!hasTarget || options.Seconds < 1)
        {
            Console.Error.WriteLine($"error: --target is required and --seconds must be at least 1\n{Usage}");
            return null;
        }
        return options;
    }

    /// <summary>
    /// One target: the fuzzed input is the front matter (between the fences of a runbook, whose kind has the most
    /// fields) or the markdown body (of a roadmap phase, which the roadmap readers parse too); the rest of the page is real.
    /// </summary>
    private sealed class Harness
    {
        private readonly FuzzSite _site;
        private readonly Target _target;
        private readonly string _fixedFrontMatter;
        private readonly string _fixedBody;
        private readonly string _work = Directory.CreateTempSubdirectory("roadmap-docs-fuzz-").FullName;
        private int _case;

        public Harness(FuzzSite site, Target target)
        {
            _site = site;
            _target = target;
            var runbook = site.Seeds.First(s => s.RelativePath.StartsWith("runbooks/", StringComparison.Ordinal) && s.RelativePath != "runbooks/index.md");
            var phase = site.Seeds.First(s => s.RelativePath.StartsWith("roadmap/phase-", StringComparison.Ordinal));
            _fixedBody = Split(runbook.Text).Body;
            _fixedFrontMatter = Split(phase.Text).FrontMatter;
        }

        private string RelativePath => _target == Target.FrontMatter ? "runbooks/fuzzed-runbook.md" : "roadmap/phase-9-fuzzed.md";

        /// <summary>The part of each real page this target fuzzes, one file each.</summary>
        public int WriteSeeds(string folder)
        {
            Directory.CreateDirectory(folder);
            var parts = _site.Seeds
                .Select(s => _target == Target.FrontMatter ? Split(s.Text).FrontMatter : Split(s.Text).Body)
                .Where(p => p.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"seed-{i:D3}"), parts[i]);
            }
            return parts.Count;
        }

        /// <summary>The mutators' tokens and odd values as an AFL dictionary (afl-fuzz -x), so AFL splices whole metacharacter sequences, not only bytes.</summary>
        public static void WriteDictionary(string file)
        {
            var lines = PageMutator.Tokens.Concat(PageMutator.OddValues).Concat(PageMutator.Keys.Select(k => k + ": "))
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Select((token, i) => $"token_{i}=\"{AflEscape(token)}\"");
            File.WriteAllLines(file, lines);
        }

        private static string AflEscape(string token)
        {
            var text = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(token))
            {
                text.Append(b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
            }
            return text.ToString();
        }

        /// <summary>Builds the page made from <paramref name="input"/> twice and returns every broken property.</summary>
        public async Task<IReadOnlyList<string>> RunOneAsync(byte[] input)
        {
            var part = Encoding.UTF8.GetString(input);
            var page = _target == Target.FrontMatter ? $"---\n{part}\n---\n{_fixedBody}" : _fixedFrontMatter + part;
            return await CheckPageAsync(page);
        }

        private async Task<IReadOnlyList<string>> CheckPageAsync(string page)
        {
            var folder = Path.Combine(_work, $"case-{_case++ % 4}");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            _site.WriteSite(folder, RelativePath, page);
            try
            {
                var first = await _site.BuildAsync(folder, maxParallelism: 1, CancellationToken.None);
                var problems = FuzzSite.Violations(first, folder).ToList();
                var second = await _site.BuildAsync(folder, maxParallelism: 1, CancellationToken.None);
                if (first.Fingerprint() != second.Fingerprint())
                {
                    problems.Add("two builds of the same input differ");
                }
                return problems;
            }
#pragma warning disable CA1031 // Any exception out of the build is a finding, reported with its stack.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return [$"unhandled {ex}"];
            }
        }

        /// <summary>The coverage-less campaign: random real pages, 1 to 4 random mutations of this target's part, the whole build twice on each.</summary>
        public async Task<int> CampaignAsync(TimeSpan duration, int seed, string findings)
        {
            Console.Error.WriteLine($"fuzz {Name(_target)}: seed {seed}, {duration.TotalSeconds:0} s, {_site.Seeds.Count} real pages; failing cases go to {findings}");
            var random = new Random(seed);
            var stopwatch = Stopwatch.StartNew();
            var cases = 0;
            var signatures = new Dictionary<string, int>(StringComparer.Ordinal);
            while (stopwatch.Elapsed < duration)
            {
                var seedPage = _site.Seeds[random.Next(_site.Seeds.Count)];
                var (frontMatter, body) = Split(seedPage.Text);
                var mutations = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Next(random)).ToList();
                var page = _target == Target.FrontMatter
                    ? PageMutator.Apply(frontMatter.Length > 0 ? frontMatter : "---\ntitle: x\n---\n", mutations) + _fixedBody
                    : _fixedFrontMatter + PageMutator.Apply(body, mutations);
                var problems = await CheckPageAsync(page);
                cases++;
                if (problems.Count > 0)
                {
                    var signature = Signature(problems[0]);
                    signatures[signature] = signatures.GetValueOrDefault(signature) + 1;
                    if (signatures[signature] == 1)
                    {
                        Directory.CreateDirectory(findings);
                        var file = Path.Combine(findings, $"case-{cases:D6}.md");
                        File.WriteAllText(file, page);
                        File.WriteAllText(file + ".txt", $"seed page {seedPage.RelativePath}; mutations {string.Join(", ", mutations)}\n{string.Join('\n', problems)}\n");
                        Console.Error.WriteLine($"  case {cases}: NEW {signature} (saved {file})");
                    }
                }
                if (cases % 500 == 0)
                {
                    Console.Error.WriteLine($"  {cases} cases, {cases / stopwatch.Elapsed.TotalSeconds:0.0}/s, {signatures.Count} distinct problems");
                }
            }
            Console.Error.WriteLine($"fuzz {Name(_target)}: {cases} cases in {stopwatch.Elapsed.TotalSeconds:0} s ({cases / stopwatch.Elapsed.TotalSeconds:0.0}/s), {signatures.Values.Sum()} failing, {signatures.Count} distinct");
            foreach (var (signature, count) in signatures.OrderByDescending(kv => kv.Value))
            {
                Console.Error.WriteLine($"  {count,6} × {signature}");
            }
            return signatures.Count == 0 ? 0 : 1;
        }

        private Mutation Next(Random random)
        {
            var mutation = PageMutator.Next(random);
            // The body has no front matter to damage: those turn into token insertions there.
            return _target == Target.Markdown && mutation.Kind is MutationKind.ReplaceFrontMatterValue or MutationKind.InsertFrontMatterLine
                ? mutation with { Kind = MutationKind.InsertToken }
                : mutation;
        }

        /// <summary>The first line of a problem without its positions and names, so one bug counts once.</summary>
        private static string Signature(string problem)
        {
            var line = problem.Split('\n')[0];
            return line.StartsWith("unhandled", StringComparison.Ordinal) || line.StartsWith("internal error", StringComparison.Ordinal)
                ? string.Concat(line.Where(c => !char.IsDigit(c))).Replace("fuzzed-runbook", "", StringComparison.Ordinal)
                : line.Split(':')[0] is var head && head.Length < 80 ? string.Concat(head.Where(c => !char.IsDigit(c))) : line[..80];
        }

        /// <summary>Splits a page into its front matter block (fences included, or empty) and its body.</summary>
        private static (string FrontMatter, string Body) Split(string text)
        {
            if (!text.StartsWith("---\n", StringComparison.Ordinal))
            {
                return ("", text);
            }
            var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            return close < 0 ? ("", text) : (text[..(close + 5)], text[(close + 5)..]);
        }
    }
}
