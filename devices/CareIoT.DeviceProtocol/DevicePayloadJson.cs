using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareIoT.DeviceProtocol;

/// <summary>The one JSON setting both sides use: strict, so a field we do not know is refused, not ignored.</summary>
public static class DevicePayloadJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(DevicePayload payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Options);
}
