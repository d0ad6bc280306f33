using System.Text.Json;

namespace CareIoT.CarrierPush;

/// <summary>
/// A OneNET data push as sent: <c>{"msg": {…} or [{…}, …], "msg_signature": "…", "nonce": "…"}</c>
/// (plain-text mode; https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html).
/// <see cref="MsgText"/> is the <c>msg</c> member exactly as it was sent: the signature covers those bytes.
/// </summary>
public sealed record OneNetEnvelope(string MsgText, JsonElement Msg, string Nonce, string Signature)
{
    /// <summary>The envelope of <paramref name="body"/>, or the problem with it. Secure mode (<c>enc_msg</c>) is refused: configure plain-text mode.</summary>
    public static (OneNetEnvelope? Envelope, string? Problem) Read(ReadOnlyMemory<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body must be a JSON object");
        }

        if (root.TryGetProperty("enc_msg", out _))
        {
            return (null, "secure (AES) mode is not supported: set the push instance to plain-text mode");
        }

        if (!root.TryGetProperty("msg", out var msg) || msg.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return (null, "\"msg\" must be an object or an array");
        }

        var nonce = PushJson.Text(root, "nonce");
        var signature = PushJson.Text(root, "msg_signature");
        return nonce is null || signature is null
            ? (null, "\"nonce\" and \"msg_signature\" are required")
            : (new OneNetEnvelope(msg.GetRawText(), msg, nonce, signature), null);
    }
}
