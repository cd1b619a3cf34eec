namespace Mixtures.Cli.Plotting;

/// <summary>Contour lines of a function sampled on a regular grid (marching squares, segments joined into polylines).</summary>
internal static class MarchingSquares
{
    /// <param name="z">Values [ny, nx]; z[i, j] is at (xs[j], ys[i]).</param>
    /// <param name="xs">Grid positions along x.</param>
    /// <param name="ys">Grid positions along y.</param>
    /// <param name="level">The contour level.</param>
    public static List<(double[] Xs, double[] Ys)> Contour(double[,] z, double[] xs, double[] ys, double level)
    {
        int ny = z.GetLength(0), nx = z.GetLength(1);
        var links = new Dictionary<long, List<long>>();
        void Link(long a, long b)
        {
            (links.TryGetValue(a, out var la) ? la : links[a] = []).Add(b);
            (links.TryGetValue(b, out var lb) ? lb : links[b] = []).Add(a);
        }
        long H(int i, int j) => ((long)i * nx + j) * 2;      // edge (i, j)-(i, j+1)
        long V(int i, int j) => ((long)i * nx + j) * 2 + 1;  // edge (i, j)-(i+1, j)

        for (int i = 0; i + 1 < ny; i++)
            for (int j = 0; j + 1 < nx; j++)
            {
                bool a = z[i, j] > level, b = z[i, j + 1] > level, c = z[i + 1, j + 1] > level, d = z[i + 1, j] > level;
                var crossed = new List<long>(4);
                if (a != b) crossed.Add(H(i, j));
                if (b != c) crossed.Add(V(i, j + 1));
                if (c != d) crossed.Add(H(i + 1, j));
                if (d != a) crossed.Add(V(i, j));
                if (crossed.Count == 2)
                {
                    Link(crossed[0], crossed[1]);
                }
                else if (crossed.Count == 4)
                {
                    // Saddle: cut off the two corners on the other side from the cell's centre.
                    bool centre = (z[i, j] + z[i, j + 1] + z[i + 1, j + 1] + z[i + 1, j]) / 4 > level;
                    if (a != centre)
                    {
                        Link(H(i, j), V(i, j));
                        Link(H(i + 1, j), V(i, j + 1));
                    }
                    else
                    {
                        Link(H(i, j), V(i, j + 1));
                        Link(H(i + 1, j), V(i, j));
                    }
                }
            }

        (double X, double Y) Point(long key)
        {
            long cell = key / 2;
            int i = (int)(cell / nx), j = (int)(cell % nx);
            bool horizontal = key % 2 == 0;
            int i2 = horizontal ? i : i + 1, j2 = horizontal ? j + 1 : j;
            double z1 = z[i, j], z2 = z[i2, j2];
            double t = z2 == z1 ? 0.5 : Math.Clamp((level - z1) / (z2 - z1), 0, 1);
            return (xs[j] + t * (xs[j2] - xs[j]), ys[i] + t * (ys[i2] - ys[i]));
        }

        var lines = new List<(double[], double[])>();
        var visited = new HashSet<long>();
        // Open chains start at an end (an edge with one link); then what is left are closed loops.
        foreach (var start in links.Keys.Where(k => links[k].Count == 1).Concat(links.Keys).ToList())
        {
            if (visited.Contains(start)) continue;
            var chain = new List<long> { start };
            visited.Add(start);
            long current = start;
            while (links[current].FirstOrDefault(n => !visited.Contains(n), -1) is var next && next >= 0)
            {
                chain.Add(next);
                visited.Add(next);
                current = next;
            }
            if (links[current].Contains(start) && chain.Count > 2) chain.Add(start);
            if (chain.Count < 2) continue;
            var pts = chain.Select(Point).ToArray();
            lines.Add((pts.Select(p => p.X).ToArray(), pts.Select(p => p.Y).ToArray()));
        }
        return lines;
    }
}
