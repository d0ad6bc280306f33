using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// The Zigbee2MQTT models we support and what each is (<c>devices/zigbee2mqtt/models.json</c>,
/// editable without code). Loading refuses a file with an unknown field, kind or duplicate model,
/// so an installer's typo stops the host at start instead of silently ignoring a device.
/// </summary>
public sealed class Zigbee2MqttModelCatalog
{
    /// <summary><c>action</c> values that are an emergency call on a model the catalog does not know.</summary>
    public static readonly IReadOnlyList<string> DefaultPressActions = ["emergency", "sos"];

    /// <summary>Boolean keys that announce an emergency on every model.</summary>
    public static readonly IReadOnlyList<string> DefaultPressKeys = ["sos"];

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter<DeviceKind>(allowIntegerValues: false) },
    };

    private readonly FrozenDictionary<string, Zigbee2MqttModel> _models;

    public Zigbee2MqttModelCatalog(IEnumerable<Zigbee2MqttModel> models)
    {
        var byModel = new Dictionary<string, Zigbee2MqttModel>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            Validate(model);
            if (!byModel.TryAdd(model.Model, model))
            {
                throw new InvalidDataException($"Model '{model.Model}' is listed twice.");
            }
        }

        _models = byModel.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Zigbee2MqttModelCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<Zigbee2MqttModel> Models => _models.Values;

    /// <summary>Reads the model table; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static Zigbee2MqttModelCatalog Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    public static Zigbee2MqttModelCatalog Parse(string json)
    {
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ModelFile>(json, FileOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        return new Zigbee2MqttModelCatalog(file?.Models ?? throw new InvalidDataException("The file has no 'models'."));
    }

    public Zigbee2MqttModel? Find(string? model) => model is not null && _models.TryGetValue(model, out var found) ? found : null;

    /// <summary>What a device of this Zigbee2MQTT model is, or null when we do not support the model.</summary>
    public DeviceKind? KindOf(string model) => Find(model)?.Kind;

    private static void Validate(Zigbee2MqttModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Model) || string.IsNullOrWhiteSpace(model.Vendor))
        {
            throw new InvalidDataException("Every model needs a non-empty 'model' and 'vendor'.");
        }

        if (!Enum.IsDefined(model.Kind))
        {
            throw new InvalidDataException($"Model '{model.Model}' has no valid 'kind'.");
        }

        IReadOnlyList<string>[] lists = [model.PressActions, model.PressKeys, model.PresenceStatus, model.AbsenceStatus, model.FallStatus, model.FallKeys];
        if (lists.Any(list => list.Any(string.IsNullOrWhiteSpace)))
        {
            throw new InvalidDataException($"Model '{model.Model}' lists an empty value.");
        }
    }

    private sealed record ModelFile(string? Comment, IReadOnlyList<Zigbee2MqttModel>? Models);
}
