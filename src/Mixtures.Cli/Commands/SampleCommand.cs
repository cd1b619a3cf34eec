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
            var names = ModelLoader.FeatureNames(m);
            int d = m.Features;
            int? drawSeed = SeedOption.Parse(ctx.Get(seed));
            MixtureSample? sample = null;
            if (outPath is not null || !ctx.Json)
            {
                if (outPath is not null) SampleSize.RequireDisk(count, m.Features, m is GaussianMixtureModel ? 18 : 2, outPath);
                // Written window by window as the points are drawn (the same points as Sample(n, seed)): nothing N x D is held.
                CsvTableWriter.WriteStreamed(ctx.Outputs, outPath, [.. names, "component"], w =>
                    ((MixtureModel)m).Sample(count, drawSeed, (_, points, components) =>
                    {
                        for (int i = 0; i < components.Length; i++)
                        {
                            for (int j = 0; j < d; j++)
                            {
                                w.Write(CsvTableWriter.Format(points[i * d + j]));
                                w.Write(',');
                            }
                            w.Write(components[i]);
                            w.Write('\n');
                        }
                    }, ctx.CancellationToken));
            }
            else
            {
                // The points go into the JSON on stdout: they are held, so the size check applies.
                SampleSize.Require(count, m.Features);
                sample = Interruptible.Run(() => m.Sample(count, drawSeed), ctx.CancellationToken);
            }
            ctx.Outputs.Commit();
            if (ctx.Json)
                JsonOut.Write(new
                {
                    n_samples = count,
                    feature_names = names,
                    output = outPath,
                    points = sample is null ? null : JsonOut.Rows(sample.Points),
                    components = sample?.Components,
                });
            return ExitCodes.Success;
        });
        return command;
    }
}
