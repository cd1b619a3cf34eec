using System.CommandLine;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures sample MODEL.json -n N [--seed S] -o OUT.csv</c>: draws points from a model.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "Model JSON written by 'mixtures fit'." };
        var n = new Option<int>("-n", "--n-samples") { Description = "Number of points to draw.", Required = true };
        var seed = SeedOption.Create("the draws");
        var output = new Option<string?>("--output", "-o") { Description = "Output CSV (default: stdout)." };
        var command = new Command("sample", "Draw points from a model, with the component of each.") { model, n, seed, output };

        CommandRunner.SetBody(command, ctx =>
        {
            int count = ctx.Get(n);
            if (count < 1) throw new CliException($"-n {count}: the number of points must be at least 1.");
            var outPath = ctx.Get(output);
            if (outPath is not null) OutputPath.Require(outPath, "-o", allowStdout: true);
            if (outPath == OutputFiles.Stdout) outPath = null;   // "-o -" is the default, stdout
            var m = ModelLoader.Load(ctx.Get(model));
            SampleSize.Require(count, m.Features);
            var sample = Interruptible.Run(() => m.Sample(count, SeedOption.Parse(ctx.Get(seed))), ctx.CancellationToken);
            var names = ModelLoader.FeatureNames(m);
            int d = m.Features;
            if (outPath is not null || !ctx.Json)
            {
                CsvTableWriter.Write(ctx.Outputs, outPath, [.. names, "component"], count, (i, w) =>
                {
                    for (int j = 0; j < d; j++)
                    {
                        w.Write(CsvTableWriter.Format(sample.Points[i, j]));
                        w.Write(',');
                    }
                    w.Write(sample.Components[i]);
                });
            }
            ctx.Outputs.Commit();
            if (ctx.Json)
                JsonOut.Write(new
                {
                    n_samples = count,
                    feature_names = names,
                    output = outPath,
                    points = outPath is null ? JsonOut.Rows(sample.Points) : null,
                    components = outPath is null ? sample.Components : null,
                });
            return ExitCodes.Success;
        });
        return command;
    }
}
