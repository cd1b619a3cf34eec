using System.CommandLine;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures predict MODEL.json DATA [--proba] -o OUT.csv</c>: the component of every row.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "Model JSON written by 'mixtures fit'." };
        var data = new Argument<string>("DATA") { Description = "Data file (CSV or .npy) with the model's features." };
        var proba = new Option<bool>("--proba") { Description = "Also write the posterior probability of each component (p0..pK-1)." };
        var output = new Option<string?>("--output", "-o") { Description = "Output CSV (default: stdout)." };
        var columns = FitOptionSet.ColumnsOption();
        var command = new Command("predict", "Assign every row to its most probable component.") { model, data, proba, output, columns };

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(output);
            if (outPath is not null) OutputPath.Require(outPath, "-o", allowStdout: true);
            if (outPath == OutputFiles.Stdout) outPath = null;   // "-o -" is the default, stdout
            var m = ModelLoader.Load(ctx.Get(model));
            var ds = DataLoader.LoadFor(m, ctx.Get(data), ColumnSelection.Parse(ctx.Get(columns)), ctx.CancellationToken);
            var labels = Interruptible.Run(() => m.Predict(ds.X), ctx.CancellationToken);
            var p = ctx.Get(proba) ? Interruptible.Run(() => m.PredictProba(ds.X), ctx.CancellationToken) : null;

            var header = new List<string> { "component" };
            if (p is not null) header.AddRange(Enumerable.Range(0, m.Components).Select(c => $"p{c}"));
            if (outPath is not null || !ctx.Json)
            {
                CsvTableWriter.Write(ctx.Outputs, outPath, header, labels.Length, (i, w) =>
                {
                    w.Write(labels[i]);
                    if (p is null) return;
                    for (int c = 0; c < m.Components; c++)
                    {
                        w.Write(',');
                        w.Write(CsvTableWriter.Format(p[i, c]));
                    }
                });
            }
            ctx.Outputs.Commit();
            var counts = new int[m.Components];
            foreach (var l in labels) counts[l]++;
            if (ctx.Json)
                JsonOut.Write(new { n_samples = labels.Length, counts, output = outPath, components = outPath is null ? labels : null });
            else if (outPath is not null && !ctx.Quiet)
                Console.Out.WriteLine($"wrote {labels.Length} rows to {outPath}; rows per component: {string.Join(", ", counts.Select((n, c) => $"{c}: {n}"))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
