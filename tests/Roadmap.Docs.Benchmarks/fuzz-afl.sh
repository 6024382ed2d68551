#!/usr/bin/env bash
# Fuzzes the build with AFL++ and SharpFuzz: coverage-guided, on the front matter or the markdown body of a page.
#   tests/Roadmap.Docs.Benchmarks/fuzz-afl.sh frontmatter|markdown [seconds]
# Needs afl-fuzz (Debian: apt-get install -y afl++) and the sharpfuzz tool (restored here from .config/dotnet-tools.json).
# Work goes to tests/Roadmap.Docs.Benchmarks/artifacts/fuzz/<target>/ (ignored by git): plain/ is the Release build,
# bin/ the same instrumented, seeds/ the starting inputs, afl/ AFL's state; afl/default/crashes/ holds the failing
# inputs, replayed at the end with the plain build (instrumented code runs only under afl-fuzz).
set -euo pipefail
target=${1:?usage: fuzz-afl.sh frontmatter|markdown [seconds]}
seconds=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
work=$here/artifacts/fuzz/$target
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found (apt-get install -y afl++)" >&2; exit 2; }

(cd "$here" && dotnet tool restore >/dev/null)
rm -rf "$work/plain" "$work/bin" "$work/afl"
dotnet publish "$here/Roadmap.Docs.Benchmarks.csproj" -c Release -o "$work/plain" -v quiet -nologo
cp -r "$work/plain" "$work/bin"
# Instrument our library and the two parsers it feeds untrusted text to; SharpFuzz rewrites each DLL in place.
for dll in Roadmap.Docs.dll Markdig.dll YamlDotNet.dll; do
  (cd "$here" && dotnet sharpfuzz "$work/bin/$dll" >/dev/null)
done
harness=(dotnet "$work/bin/Roadmap.Docs.Benchmarks.dll" fuzz --target "$target")
plain=(dotnet "$work/plain/Roadmap.Docs.Benchmarks.dll" fuzz --target "$target")
"${plain[@]}" --write-seeds "$work/seeds"

# The harness is a .NET program, not a binary built by afl-cc: skip that check. One core; no UI (logs instead).
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -V "$seconds" -t 10000 -m none -x "$work/dictionary.txt" -i "$work/seeds" -o "$work/afl" -- "${harness[@]}" --afl || true

stats=$work/afl/default/fuzzer_stats
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|edges_found|total_edges)' "$stats" || true
for crash in "$work"/afl/default/crashes/id*; do
  [ -e "$crash" ] || continue
  echo "== $crash"
  "${plain[@]}" --replay "$crash" || true
done
