using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Remote;

namespace Mixtures.Internal.Gaussian;

/// <summary>The statistics flattened for <see cref="StatisticsTransfer"/> (a separate file: the kernels above change often).</summary>
internal sealed unsafe partial class GaussianStatistics
{
    int QTransferLength => Moments switch
    {
        MomentShape.Full => K * D * (D + 1) / 2,
        MomentShape.None => 0,
        _ => K * D,
    };

    /// <summary>R, A and the Q the model reads, unpacked from whichever kernel layout holds them.</summary>
    public double[] Export()
    {
        int k = K, d = D;
        var a = A;
        var q = Q;
        var output = new double[k + k * d + QTransferLength];
        R.CopyTo(output, 0);
        a.CopyTo(output, k);
        int o = k + k * d;
        switch (Moments)
        {
            case MomentShape.Full:
                for (int c = 0; c < k; c++)
                    for (int i = 0; i < d; i++)
                        for (int j = 0; j <= i; j++) output[o++] = q[c * d * d + i * d + j];
                break;
            case MomentShape.Diagonal:
                q.CopyTo(output, o);
                break;
        }
        return output;
    }

    /// <summary>Sets the sums to exported ones; call after <c>Begin</c> on the parameters the exporting side began on.</summary>
    public void Import(ReadOnlySpan<double> values)
    {
        int k = K, d = D, expected = k + k * d + QTransferLength;
        if (values.Length != expected) throw StatisticsTransfer.Mismatch(values.Length, expected);
        values[..k].CopyTo(R);
        var a = values.Slice(k, k * d);
        var q = values[(k + k * d)..];
        if (!_blocked)
        {
            a.CopyTo(_a);
            if (Moments == MomentShape.Full)
            {
                int o = 0;
                for (int c = 0; c < k; c++)
                    for (int i = 0; i < d; i++)
                        for (int j = 0; j <= i; j++) _q[c * d * d + i * d + j] = q[o++];
            }
            else q.CopyTo(_q);
            _stale = false;
            return;
        }
        int ld = _ld;
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) _aP[c * ld + j] = a[c * d + j];
        if (Moments == MomentShape.Full)
        {
            int o = 0;
            for (int c = 0; c < k; c++)
                for (int i = 0; i < d; i++)
                    for (int j = 0; j <= i; j++) _qP[(nint)c * ld * ld + i * ld + j] = q[o++];
        }
        else if (Moments == MomentShape.Diagonal)
        {
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++) _qP[c * ld + j] = q[c * d + j];
        }
        _stale = true;
    }
}
