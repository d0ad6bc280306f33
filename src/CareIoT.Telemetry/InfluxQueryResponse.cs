using System.Net;
using System.Text.Json;

namespace CareIoT.Telemetry;

/// <summary>
/// Reads the v1 <c>/query</c> JSON: <c>results[].series[].{name,tags,columns,values}</c>; a
/// top-level <c>error</c> or any <c>results[].error</c> becomes an <see cref="InfluxQueryException"/>.
/// </summary>
internal static class InfluxQueryResponse
{
    public static IReadOnlyList<InfluxStatementResult> Parse(string body, string query, HttpStatusCode status)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new InfluxQueryException(InfluxError.Message(body), query, status, null);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InfluxQueryException(InfluxError.Message(body), query, status, null);
            }

            if (root.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException(error.ToString(), query, status, null);
            }

            if ((int)status is < 200 or >= 300 || !root.TryGetProperty("results", out var results))
            {
                throw new InfluxQueryException(InfluxError.Message(body), query, status, null);
            }

            var statements = new List<InfluxStatementResult>();
            foreach (var result in results.EnumerateArray())
            {
                var id = result.TryGetProperty("statement_id", out var statementId) ? statementId.GetInt32() : statements.Count;
                if (result.TryGetProperty("error", out var statementError))
                {
                    throw new InfluxQueryException(statementError.ToString(), query, status, id);
                }

                IReadOnlyList<InfluxSeries> series = result.TryGetProperty("series", out var list) ? [.. list.EnumerateArray().Select(Series)] : [];
                statements.Add(new InfluxStatementResult(id, series));
            }

            return statements;
        }
    }

    private static InfluxSeries Series(JsonElement series)
    {
        var name = series.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in t.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.ToString();
            }
        }

        IReadOnlyList<string> columns = series.TryGetProperty("columns", out var c) ? [.. c.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
        IReadOnlyList<IReadOnlyList<object?>> values = series.TryGetProperty("values", out var v)
            ? [.. v.EnumerateArray().Select(row => (IReadOnlyList<object?>)[.. row.EnumerateArray().Select(Value)])]
            : [];
        return new InfluxSeries(name, tags, columns, values);
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        // Nanosecond times exceed a double's 53 bits: read whole numbers as long, exactly.
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? (object)whole : value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
