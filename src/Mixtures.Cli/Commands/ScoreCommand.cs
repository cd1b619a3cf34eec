using System.CommandLine;
using System.Globalization;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures score MODEL.json DATA [--per-sample OUT.csv]</c>: mean log-likelihood per sample.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "Model JSON written by 'mixtures fit'." };
        var data = new Argument<string>("DATA") { Description = "Data file (CSV, .npy, .parquet, .arrow or .feather) with the model's features." };
        var perSample = new Option<string?>("--per-sample") { Description = "Write each row's log-likelihood to this CSV." };
        var columns = FitOptionSet.ColumnsOption();
        var command = new Command("score", "Mean log-likelihood per sample of data under a model.") { model, data, perSample, columns };

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(perSample);
            if (outPath is not null) OutputPath.Require(outPath, "--per-sample", allowStdout: true);
            if (outPath == OutputFiles.Stdout && ctx.Json) throw new CliException("--per-sample - and --json both write to stdout; give --per-sample a file name.");
            var m = ModelLoader.Load(ctx.Get(model));
            var dataPath = ctx.Get(data);
            var selection = ColumnSelection.Parse(ctx.Get(columns));
            bool stream = DataLoader.ShouldStream(dataPath, new ColumnSelection(selection), false, ctx.Quiet);
            var ds = DataLoader.LoadFor(m, dataPath, selection, ctx.CancellationToken, stream, DataLoader.TempDirectory(null, outPath));
            int n = ds.Rows;
            // The mean is summed in row order, as the average of ScoreSamples always was; rows are written as they are scored.
            double sum = 0;
            using (var scores = new RowScoreCursor(m, ds, ctx.CancellationToken))
            {
                if (outPath is not null)
                    CsvTableWriter.Write(ctx.Outputs, outPath, ["log_likelihood"], n, (i, w) =>
                    {
                        double v = scores.LogLikelihood(i);
                        sum += v;
                        w.Write(CsvTableWriter.Format(v));
                    }, $"{n} rows");
                else
                    for (int i = 0; i < n; i++) sum += scores.LogLikelihood(i);
            }
            double score = sum / n;
            ctx.Outputs.Commit();
            if (ctx.Json) JsonOut.Write(new { score, n_samples = n });
            else if (!ctx.Quiet && !ctx.Outputs.UsesStdout)
            {
                Console.Out.WriteLine(score.ToString("R", CultureInfo.InvariantCulture));
                ctx.Outputs.StdoutIsData = true;   // scripts read the number: the written-files lines go to stderr
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
