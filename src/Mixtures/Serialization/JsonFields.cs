using System.Text.Json;

namespace Mixtures.Serialization;

/// <summary>Typed reads of model-file fields that name the field and the source when something is wrong.</summary>
internal sealed class JsonFields(JsonElement root, string source)
{
    public JsonElement Root => root;
    public string Source => source;

    public MixtureFormatException Error(string message) => new($"Model file {source}: {message}");

    public JsonElement Get(string name)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error("the top level is not a JSON object.");
        if (!root.TryGetProperty(name, out var e)) throw Error($"missing field '{name}'.");
        return e;
    }

    public bool Has(string name) => root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null;

    public int Int(string name, int min = int.MinValue)
    {
        var e = Get(name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int v)) throw Error($"field '{name}' must be an integer.");
        if (v < min) throw Error($"field '{name}' is {v}; it must be at least {min}.");
        return v;
    }

    public string String(string name)
    {
        var e = Get(name);
        if (e.ValueKind != JsonValueKind.String) throw Error($"field '{name}' must be a string.");
        return e.GetString()!;
    }

    public bool Bool(string name, bool fallback)
    {
        if (!root.TryGetProperty(name, out var e)) return fallback;
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"field '{name}' must be true or false."),
        };
    }

    /// <summary>An optional number; null or absent gives <paramref name="fallback"/>.</summary>
    public double Number(string name, double fallback)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return fallback;
        if (e.ValueKind != JsonValueKind.Number) throw Error($"field '{name}' must be a number.");
        return e.GetDouble();
    }

    /// <summary>A numeric array of exactly the given shape, flattened row-major; every value finite.</summary>
    public double[] Array(string name, params int[] shape)
    {
        var e = Get(name);
        // Check the shape before allocating, so a header that claims a huge model costs nothing.
        CheckShape(e, 0);
        long total = 1;
        foreach (int s in shape) total *= s;
        var flat = new double[total];
        int pos = 0;
        Walk(e, 0);
        return flat;

        void CheckShape(JsonElement x, int depth)
        {
            if (depth == shape.Length) return;
            if (x.ValueKind != JsonValueKind.Array || x.GetArrayLength() != shape[depth])
                throw Error($"field '{name}' must have shape [{string.Join(", ", shape)}].");
            foreach (var y in x.EnumerateArray()) CheckShape(y, depth + 1);
        }

        void Walk(JsonElement x, int depth)
        {
            if (depth == shape.Length)
            {
                if (x.ValueKind != JsonValueKind.Number) throw Error($"field '{name}' holds {x.ValueKind.ToString().ToLowerInvariant()} where a number belongs.");
                double v = x.GetDouble();
                if (!double.IsFinite(v)) throw Error($"field '{name}' holds a value that is not finite.");
                flat[pos++] = v;
                return;
            }
            if (x.ValueKind != JsonValueKind.Array || x.GetArrayLength() != shape[depth])
                throw Error($"field '{name}' must have shape [{string.Join(", ", shape)}].");
            foreach (var y in x.EnumerateArray()) Walk(y, depth + 1);
        }
    }

    public double[] OptionalVector(string name)
    {
        if (!Has(name)) return [];
        var e = Get(name);
        if (e.ValueKind != JsonValueKind.Array) throw Error($"field '{name}' must be an array.");
        return Array(name, e.GetArrayLength());
    }

    /// <summary>An integer field that may be absent or null (files written before it existed).</summary>
    public int? OptionalInt(string name) => Has(name) ? Int(name) : null;

    public string[]? OptionalStrings(string name, int count)
    {
        if (!Has(name)) return null;
        var e = Get(name);
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != count)
            throw Error($"field '{name}' must be an array of {count} strings.");
        return e.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : throw Error($"field '{name}' must hold strings.")).ToArray();
    }
}
