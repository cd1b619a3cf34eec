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
        var data = new Argument<string>("DATA") { Description = "Data file (CSV, .npy, .parquet, .arrow or .feather) with the model's features." };
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
            var dataPath = ctx.Get(data);
            var selection = ColumnSelection.Parse(ctx.Get(columns));
            bool stream = DataLoader.ShouldStream(dataPath, new ColumnSelection(selection), false, ctx.Quiet);
            var ds = DataLoader.LoadFor(m, dataPath, selection, ctx.CancellationToken, stream, DataLoader.TempDirectory(null, outPath));
            bool withProba = ctx.Get(proba);
            int n = ds.Rows;
            var counts = new int[m.Components];
            // Only --json without -o prints every label; otherwise labels go to the output as they are computed.
            var labels = ctx.Json && outPath is null ? new int[n] : null;

            // Rows are scored window by window while the previous window is written: nothing N x K is held.
            using (var scores = new RowScoreCursor(m, ds, ctx.CancellationToken))
            {
                var header = new List<string> { "component" };
                if (withProba) header.AddRange(Enumerable.Range(0, m.Components).Select(c => $"p{c}"));
                void Row(int i, TextWriter? w)
                {
                    int label = scores.Label(i);
                    counts[label]++;
                    if (labels is not null) labels[i] = label;
                    if (w is null) return;
                    w.Write(label);
                    if (!withProba) return;
                    foreach (var p in scores.Responsibilities(i))
                    {
                        w.Write(',');
                        w.Write(CsvTableWriter.Format(p));
                    }
                }
                if (outPath is not null || !ctx.Json) CsvTableWriter.Write(ctx.Outputs, outPath, header, n, Row, $"{n} rows");
                else for (int i = 0; i < n; i++) Row(i, null);
            }
            ctx.Outputs.Commit();
            if (ctx.Json)
                JsonOut.Write(new { n_samples = n, counts, output = outPath, components = labels });
            else if (outPath is not null && !ctx.Quiet)
                Console.Out.WriteLine($"rows per component: {string.Join(", ", counts.Select((c, k) => $"{k}: {c}"))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
