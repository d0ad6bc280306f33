using System.Text.Json;

namespace CareIoT.Telemetry;

/// <summary>Reads the server's message out of an error body: <c>{"error":"…"}</c>, or the text itself.</summary>
internal static class InfluxError
{
    private const int MaxLength = 64 * 1024;

    public static string Message(string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString() ?? "";
                }
            }
            catch (JsonException)
            {
                // Not JSON after all (a proxy's page): the text itself is the best message there is.
            }
        }

        var text = body.Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
