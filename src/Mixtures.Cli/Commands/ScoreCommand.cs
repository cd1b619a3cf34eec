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
        var data = new Argument<string>("DATA") { Description = "Data file (CSV or .npy) with the model's features." };
        var perSample = new Option<string?>("--per-sample") { Description = "Write each row's log-likelihood to this CSV." };
        var columns = FitOptionSet.ColumnsOption();
        var command = new Command("score", "Mean log-likelihood per sample of data under a model.") { model, data, perSample, columns };

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(perSample);
            if (outPath is not null) OutputPath.Require(outPath, "--per-sample", allowStdout: true);
            if (outPath == OutputFiles.Stdout && ctx.Json) throw new CliException("--per-sample - and --json both write to stdout; give --per-sample a file name.");
            var m = ModelLoader.Load(ctx.Get(model));
            var ds = DataLoader.LoadFor(m, ctx.Get(data), ColumnSelection.Parse(ctx.Get(columns)), ctx.CancellationToken);
            var samples = Interruptible.Run(() => m.ScoreSamples(ds.X), ctx.CancellationToken);
            double score = samples.Average();
            ctx.CancellationToken.ThrowIfCancellationRequested();
            if (outPath is not null)
                CsvTableWriter.Write(ctx.Outputs, outPath, ["log_likelihood"], samples.Length, (i, w) => w.Write(CsvTableWriter.Format(samples[i])));
            ctx.Outputs.Commit();
            if (ctx.Json) JsonOut.Write(new { score, n_samples = samples.Length });
            else if (!ctx.Quiet && !ctx.Outputs.UsesStdout) Console.Out.WriteLine(score.ToString("R", CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        });
        return command;
    }
}
