#!/usr/bin/env bash
# Verifies the NuGet packages as a user gets them (issue 14), outside the repository:
#   1. packs Mixtures, Mixtures.ML, Mixtures.Distributed and the Mixtures.Cli tool into a temporary feed and checks each
#      package has its README, licence expression, XML docs and a symbols package;
#   2. builds a fresh console project that references Mixtures and Mixtures.ML from that feed and
#      fits Old Faithful through the library and through an ML.NET pipeline (labels must agree);
#   3. installs the tool with `dotnet tool install --tool-path` from the feed, checks that its
#      version option prints the package version, and runs `mixtures demo faithful`.
# Restores go to a private packages folder, so a package from an earlier run can never be taken
# from the global cache; that cache is offered as a read-only local feed so that third-party
# packages (Microsoft.ML ...) come from disk when they are there, from the configured registry if not.
# Everything lives under one temporary folder, removed on exit.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work="$(mktemp -d "${TMPDIR:-/tmp}/mixtures-verify.XXXXXX")"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
export NUGET_PACKAGES="$work/packages"
start=$SECONDS
step() { echo "verify-packages: $* ($((SECONDS - start)) s)"; }

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)"
[ -n "$version" ] || { echo "verify-packages: no <Version> in Directory.Build.props" >&2; exit 1; }

# 1. Pack, in one build of the three packable projects (eng/packages.slnf): packing the solution
# would also build the tests and benchmarks, which check below that they do not pack.
step "packing $version"
dotnet pack "$repo/eng/packages.slnf" -c Release -o "$feed" -v quiet -p:ContinuousIntegrationBuild=true >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; echo "verify-packages: dotnet pack failed" >&2; exit 1; }
list() {
    if command -v unzip >/dev/null; then unzip -Z1 "$1"; else python3 -m zipfile -l "$1" | awk 'NR > 1 {print $1}'; fi
}
for id in Mixtures Mixtures.ML Mixtures.Distributed Mixtures.Cli; do
    pkg="$feed/$id.$version.nupkg"
    [ -f "$pkg" ] || { echo "verify-packages: $pkg was not produced" >&2; exit 1; }
    [ -f "$feed/$id.$version.snupkg" ] || { echo "verify-packages: no symbols package for $id" >&2; exit 1; }
    files="$(list "$pkg")"
    grep -qx 'README.md' <<<"$files" || { echo "verify-packages: $id has no README.md" >&2; exit 1; }
    grep -qE '\.xml$' <<<"$files" || { echo "verify-packages: $id has no XML docs" >&2; exit 1; }
    nuspec="$(unzip -p "$pkg" "$id.nuspec" 2>/dev/null || python3 -c "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())" "$pkg" "$id.nuspec")"
    grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || { echo "verify-packages: $id has no MIT licence expression" >&2; exit 1; }
    grep -q '<tags>' <<<"$nuspec" || { echo "verify-packages: $id has no tags" >&2; exit 1; }
done
for project in tests/Mixtures.Tests tests/Mixtures.Cli.Tests tests/Mixtures.ML.Tests tests/Mixtures.Distributed.Tests bench/Mixtures.Benchmarks; do
    packable="$(dotnet msbuild "$repo/$project" -getProperty:IsPackable 2>/dev/null | tr -d '[:space:]')"
    [ "$packable" = "false" ] || { echo "verify-packages: $project must set IsPackable to false (it is '$packable')" >&2; exit 1; }
done

# 2. A fresh console project outside the repository.
step "building a console app against the packages"
app="$work/app"
mkdir -p "$app"
cache_source=""
if [ -d "$HOME/.nuget/packages" ]; then cache_source="<add key=\"global-cache\" value=\"$HOME/.nuget/packages\" />"; fi
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="mixtures-verify" value="$feed" />
    $cache_source
  </packageSources>
</configuration>
XML
cat >"$app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Mixtures" Version="$version" />
    <PackageReference Include="Mixtures.ML" Version="$version" />
  </ItemGroup>
</Project>
XML
cp "$repo/tests/Mixtures.Tests/fixtures/data/faithful.csv" "$app/faithful.csv"
cat >"$app/Program.cs" <<'CS'
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mixtures;
using Mixtures.ML;

double[][] x = File.ReadLines("faithful.csv").Skip(1).Where(l => l.Length > 0)
    .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

// The library.
GaussianMixtureModel model = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 0 }).Fit(x);
int[] library = model.Predict(x);

// ML.NET.
var ml = new MLContext(seed: 0);
IDataView data = ml.Data.LoadFromEnumerable(x.Select(r => new Row { Features = r }));
var transformer = ml.Clustering.Trainers.GaussianMixture(new GaussianMixtureTrainer.Options { NumberOfComponents = 2, Seed = 0 }).Fit(data);
int[] pipeline = transformer.Transform(data).GetColumn<uint>("PredictedLabel").Select(k => (int)k - 1).ToArray();

Console.WriteLine($"library: {model.Components} components, lower bound {model.LowerBound:F4}, converged {model.Converged}");
Console.WriteLine($"ML.NET: lower bound {transformer.Model.LowerBound:F4}; labels agree on {library.Zip(pipeline).Count(p => p.First == p.Second)} of {x.Length} rows");
return library.SequenceEqual(pipeline) ? 0 : 1;

sealed class Row
{
    [VectorType(2)] public double[] Features { get; set; } = [];
}
CS
(cd "$app" && dotnet run -c Release >"$work/app.log" 2>&1) \
    || { cat "$work/app.log" >&2; echo "verify-packages: the console app against the packages failed" >&2; exit 1; }
cat "$work/app.log"

# 3. The tool.
step "installing the tool"
dotnet tool install --tool-path "$work/tools" --add-source "$feed" Mixtures.Cli --version "$version" >"$work/tool.log" 2>&1 \
    || { cat "$work/tool.log" >&2; echo "verify-packages: dotnet tool install failed" >&2; exit 1; }
printed="$("$work/tools/mixtures" --version)"
[ "$printed" = "$version" ] || { echo "verify-packages: mixtures --version printed '$printed', the packages are $version" >&2; exit 1; }
(cd "$work" && "$work/tools/mixtures" demo faithful -o "$work/faithful.png") \
    || { echo "verify-packages: mixtures demo faithful failed" >&2; exit 1; }
[ -s "$work/faithful.png" ] || { echo "verify-packages: mixtures demo faithful wrote no picture" >&2; exit 1; }
step "passed"
