using System.Text.Json;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>Keeps the text of a rejection short, whatever the input was.</summary>
internal static class RejectDetail
{
    public static string Truncate(string text, int max = 80) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>A JSON value as it appeared, shortened: for "'battery' must be a number, not \"high\"".</summary>
    public static string Show(JsonElement value) => Truncate(value.GetRawText(), 40);
}
