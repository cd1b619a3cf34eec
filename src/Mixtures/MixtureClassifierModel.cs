namespace Mixtures;

/// <summary>
/// A fitted <see cref="MixtureClassifier"/>: a mixture per class and the class priors. Immutable and
/// safe to use from many threads at once.
/// </summary>
public sealed class MixtureClassifierModel
{
    readonly int[] _classes;
    readonly double[] _logPriors;
    readonly double[] _priors;
    readonly IMixtureModel[] _models;

    /// <summary>Creates the model from fitted class mixtures (of any family) and priors.</summary>
    /// <param name="classes">The class labels, distinct.</param>
    /// <param name="priors">Prior of every class, positive and summing to 1.</param>
    /// <param name="models">The mixture of every class, all with the same number of features.</param>
    /// <exception cref="ArgumentException">The arrays disagree in length, labels repeat, priors are not a distribution, or feature counts differ.</exception>
    public MixtureClassifierModel(int[] classes, double[] priors, IReadOnlyList<IMixtureModel> models)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(models);
        if (classes.Length == 0 || priors.Length != classes.Length || models.Count != classes.Length)
            throw new ArgumentException("classes, priors and models must be non-empty and of the same length.", nameof(models));
        if (classes.Distinct().Count() != classes.Length)
            throw new ArgumentException("class labels must be distinct.", nameof(classes));
        double sum = 0;
        foreach (double p in priors)
        {
            if (!(p > 0) || !double.IsFinite(p)) throw new ArgumentException($"A class prior is {p}; priors must be positive.", nameof(priors));
            sum += p;
        }
        if (Math.Abs(sum - 1) > 1e-6) throw new ArgumentException($"The class priors sum to {sum}, not 1.", nameof(priors));
        int d = models[0].Features;
        for (int c = 1; c < models.Count; c++)
            if (models[c].Features != d)
                throw new ArgumentException($"The model of class {classes[c]} has {models[c].Features} features, the first has {d}.", nameof(models));
        _classes = (int[])classes.Clone();
        _priors = (double[])priors.Clone();
        _logPriors = priors.Select(p => Math.Log(p)).ToArray();
        _models = models.ToArray();
    }

    /// <summary>The class labels, in the column order of <see cref="PredictProba"/>.</summary>
    public int[] Classes => (int[])_classes.Clone();

    /// <summary>The prior of every class (same order as <see cref="Classes"/>).</summary>
    public double[] Priors => (double[])_priors.Clone();

    /// <summary>The mixture fitted to every class (same order as <see cref="Classes"/>).</summary>
    public IReadOnlyList<IMixtureModel> ClassModels => _models;

    /// <summary>Number of features.</summary>
    public int Features => _models[0].Features;

    /// <summary>ln pi_c + ln p_c(x) for every row and class [N, C].</summary>
    public double[,] JointLogLikelihood(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), classes = _classes.Length;
        var joint = new double[n, classes];
        for (int c = 0; c < classes; c++)
        {
            var ll = _models[c].ScoreSamples(x);
            for (int i = 0; i < n; i++) joint[i, c] = _logPriors[c] + ll[i];
        }
        return joint;
    }

    /// <summary>Posterior class probabilities P(c | x) [N, C] by Bayes' rule; rows sum to 1.</summary>
    public double[,] PredictProba(double[,] x)
    {
        var p = JointLogLikelihood(x);
        int n = p.GetLength(0), classes = p.GetLength(1);
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < classes; c++) max = Math.Max(max, p[i, c]);
            double s = 0;
            for (int c = 0; c < classes; c++) s += p[i, c] = Math.Exp(p[i, c] - max);
            for (int c = 0; c < classes; c++) p[i, c] /= s;
        }
        return p;
    }

    /// <summary>The most probable class label of every row (ties: the smaller label).</summary>
    public int[] Predict(double[,] x)
    {
        var p = JointLogLikelihood(x);
        int n = p.GetLength(0), classes = p.GetLength(1);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 1; c < classes; c++)
                if (p[i, c] > p[i, best]) best = c;
            labels[i] = _classes[best];
        }
        return labels;
    }

    /// <summary>Fraction of rows whose predicted label equals <paramref name="labels"/>.</summary>
    public double Accuracy(double[,] x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != x.GetLength(0))
            throw new ArgumentException($"labels has {labels.Length} entries but the data has {x.GetLength(0)} rows.", nameof(labels));
        var predicted = Predict(x);
        int hits = 0;
        for (int i = 0; i < labels.Length; i++) if (predicted[i] == labels[i]) hits++;
        return (double)hits / labels.Length;
    }
}
