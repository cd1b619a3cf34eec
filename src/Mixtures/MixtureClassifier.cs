namespace Mixtures;

/// <summary>
/// Fits the mixture of one class: the rows of that class (and their weights, if any) in, a fitted
/// model of any family out.
/// </summary>
/// <param name="label">The class label the rows belong to.</param>
/// <param name="x">The rows of that class [N_c, D].</param>
/// <param name="sampleWeight">Their weights, or null.</param>
/// <param name="cancellationToken">Stops the fit.</param>
public delegate IMixtureModel ClassMixtureFitter(int label, double[,] x, double[]? sampleWeight, CancellationToken cancellationToken);

/// <summary>
/// Mixture discriminant analysis, as mclust's <c>MclustDA</c>: one mixture per class label, fitted on
/// that class's rows, combined by Bayes' rule P(c | x) ∝ pi_c p_c(x) with class priors pi_c (the
/// class frequencies unless given). Works with every family through a <see cref="ClassMixtureFitter"/>.
/// </summary>
/// <example>
/// <code>
/// var clf = MixtureClassifier.Bernoulli(new BernoulliMixtureOptions { Components = 3, BinarizeThreshold = 8, Seed = 0 });
/// MixtureClassifierModel model = clf.Fit(trainX, trainLabels);
/// double accuracy = model.Accuracy(testX, testLabels);
/// </code>
/// </example>
public sealed class MixtureClassifier
{
    readonly ClassMixtureFitter _fitter;
    readonly IReadOnlyDictionary<int, double>? _priors;

    /// <summary>Creates the classifier.</summary>
    /// <param name="fitter">Fits the mixture of one class.</param>
    /// <param name="priors">Class priors by label (normalized to sum to 1); null: the (weighted) class frequencies of the training data.</param>
    public MixtureClassifier(ClassMixtureFitter fitter, IReadOnlyDictionary<int, double>? priors = null)
    {
        ArgumentNullException.ThrowIfNull(fitter);
        if (priors is not null)
            foreach (var (label, p) in priors)
                if (!(p > 0) || !double.IsFinite(p))
                    throw new ArgumentException($"The prior of class {label} is {p}; priors must be positive and finite.", nameof(priors));
        _fitter = fitter;
        _priors = priors;
    }

    /// <summary>A classifier with one Gaussian mixture per class, all with <paramref name="options"/>.</summary>
    public static MixtureClassifier Gaussian(GaussianMixtureOptions options, IReadOnlyDictionary<int, double>? priors = null)
    {
        new GaussianMixture(options);   // validates now, not at the first class
        return new((_, x, w, ct) => new GaussianMixture(options).Fit(x, w, null, ct), priors);
    }

    /// <summary>A classifier with one Bernoulli mixture per class, all with <paramref name="options"/>.</summary>
    public static MixtureClassifier Bernoulli(BernoulliMixtureOptions options, IReadOnlyDictionary<int, double>? priors = null)
    {
        new BernoulliMixture(options);
        return new((_, x, w, ct) => new BernoulliMixture(options).Fit(x, w, null, ct), priors);
    }

    /// <summary>A classifier with one Poisson mixture per class, all with <paramref name="options"/>.</summary>
    public static MixtureClassifier Poisson(PoissonMixtureOptions options, IReadOnlyDictionary<int, double>? priors = null)
    {
        new PoissonMixture(options);
        return new((_, x, w, ct) => new PoissonMixture(options).Fit(x, w, null, ct), priors);
    }

    /// <summary>Fits one mixture per distinct label, in increasing label order.</summary>
    /// <param name="x">Training rows [N, D].</param>
    /// <param name="labels">The class of every row [N].</param>
    /// <param name="sampleWeight">Non-negative weight per row, or null.</param>
    /// <param name="cancellationToken">Stops between and inside class fits.</param>
    /// <exception cref="ArgumentException">Shapes disagree, fewer than two classes, or a prior is missing for a class.</exception>
    public MixtureClassifierModel Fit(double[,] x, int[] labels, double[]? sampleWeight = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        int n = x.GetLength(0), d = x.GetLength(1);
        if (labels.Length != n)
            throw new ArgumentException($"labels has {labels.Length} entries but the data has {n} rows.", nameof(labels));
        if (sampleWeight is not null && sampleWeight.Length != n)
            throw new ArgumentException($"sampleWeight has {sampleWeight.Length} entries but the data has {n} rows.", nameof(sampleWeight));
        var classes = labels.Distinct().Order().ToArray();
        if (classes.Length < 2)
            throw new ArgumentException($"labels hold {classes.Length} class(es); a classifier needs at least two.", nameof(labels));

        var models = new IMixtureModel[classes.Length];
        var priors = new double[classes.Length];
        for (int c = 0; c < classes.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int label = classes[c];
            var rows = new List<int>();
            for (int i = 0; i < n; i++) if (labels[i] == label) rows.Add(i);
            var xc = new double[rows.Count, d];
            double[]? wc = sampleWeight is null ? null : new double[rows.Count];
            double weight = 0;
            for (int i = 0; i < rows.Count; i++)
            {
                for (int j = 0; j < d; j++) xc[i, j] = x[rows[i], j];
                if (wc is not null) wc[i] = sampleWeight![rows[i]];
                weight += wc?[i] ?? 1.0;
            }
            models[c] = _fitter(label, xc, wc, cancellationToken)
                ?? throw new InvalidOperationException($"The fitter returned no model for class {label}.");
            if (models[c].Features != d)
                throw new InvalidOperationException($"The model of class {label} has {models[c].Features} features; the data has {d}.");
            if (_priors is null) priors[c] = weight;
            else if (!_priors.TryGetValue(label, out priors[c]))
                throw new ArgumentException($"No prior was given for class {label}.", nameof(labels));
        }
        double total = priors.Sum();
        if (!(total > 0)) throw new ArgumentException("The class weights sum to zero.", nameof(sampleWeight));
        for (int c = 0; c < priors.Length; c++) priors[c] /= total;
        return new MixtureClassifierModel(classes, priors, models);
    }
}
