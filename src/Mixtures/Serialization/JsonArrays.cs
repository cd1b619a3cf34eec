using System.Text.Json;

namespace Mixtures.Serialization;

/// <summary>Writes flat arrays as nested JSON arrays of a given shape, and non-finite numbers as null.</summary>
internal static class JsonArrays
{
    public static void Write(Utf8JsonWriter w, string name, ReadOnlySpan<double> flat, params int[] shape)
    {
        w.WritePropertyName(name);
        int pos = 0;
        Nest(w, flat, shape, 0, ref pos);
    }

    static void Nest(Utf8JsonWriter w, ReadOnlySpan<double> flat, int[] shape, int depth, ref int pos)
    {
        if (depth == shape.Length)
        {
            Number(w, flat[pos++]);
            return;
        }
        w.WriteStartArray();
        for (int i = 0; i < shape[depth]; i++) Nest(w, flat, shape, depth + 1, ref pos);
        w.WriteEndArray();
    }

    public static void Number(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    public static void Number(Utf8JsonWriter w, string name, double v)
    {
        w.WritePropertyName(name);
        Number(w, v);
    }
}
