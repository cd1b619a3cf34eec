namespace Mixtures.Internal;

/// <summary>
/// The few rows with the lowest log-likelihood seen in a pass (ties broken by row index), kept so a
/// degenerate component can be re-seeded deterministically at the point the model explains worst.
/// </summary>
internal sealed class WorstPoints
{
    readonly double[] _score;
    readonly int[] _row;
    int _count;

    public WorstPoints(int capacity)
    {
        _score = new double[capacity];
        _row = new int[capacity];
    }

    public int Count => _count;
    public int Row(int i) => _row[i];
    public double Score(int i) => _score[i];

    public void Clear() => _count = 0;

    /// <summary>
    /// Offers a row; once full, rows scoring above the current worst-kept one (nearly all of them)
    /// return after one comparison, inlined in the caller's loop.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Offer(double score, int row)
    {
        if (_count == _score.Length && score > _score[_count - 1]) return;
        Insert(score, row);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    void Insert(double score, int row)
    {
        int cap = _score.Length;
        if (cap == 0 || (_count == cap && !Before(score, row, _score[cap - 1], _row[cap - 1]))) return;
        int i = _count < cap ? _count++ : cap - 1;
        while (i > 0 && Before(score, row, _score[i - 1], _row[i - 1]))
        {
            _score[i] = _score[i - 1];
            _row[i] = _row[i - 1];
            i--;
        }
        _score[i] = score;
        _row[i] = row;
    }

    public void Merge(WorstPoints other)
    {
        for (int i = 0; i < other._count; i++) Offer(other._score[i], other._row[i]);
    }

    static bool Before(double s, int r, double s2, int r2) => s < s2 || (s == s2 && r < r2);
}
