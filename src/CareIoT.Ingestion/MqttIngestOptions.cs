namespace CareIoT.Ingestion;

/// <summary>Configuration section <c>Mqtt</c>.</summary>
public sealed class MqttIngestOptions
{
    public const string Section = "Mqtt";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>Stable per ingest node, so the broker keeps its session and queues QoS 1 messages while it is down.</summary>
    public string ClientId { get; set; } = "careiot-ingest-1";

    /// <summary>How long the broker keeps our session (and queues for it) while we are away.</summary>
    public uint SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// When set, subscribe as <c>$share/{group}/…</c> so several ingest nodes split the load. Leave it
    /// unset with Mosquitto 2.0: it does not restore shared subscriptions when it restarts, so messages
    /// published before the ingest nodes re-subscribe are acknowledged to devices and dropped (found by
    /// the chaos test). Unset, each node keeps its own persistent subscription and gets every message;
    /// the device grains drop the repeats.
    /// </summary>
    public string? SharedGroup { get; set; }

    /// <summary>
    /// How many telemetry messages may be processed at once (each device's stay in order). Kept low
    /// on purpose: ingest is CPU-bound, so more at once only lengthens the thread-pool queue every
    /// alarm's steps wait in; the backlog belongs at the broker, in the telemetry lane's own session.
    /// </summary>
    public int Partitions { get; set; } = 8;

    /// <summary>How many unacknowledged messages the broker may have in flight to us.</summary>
    public ushort ReceiveMaximum { get; set; } = 1000;

    public int MaxPayloadBytes { get; set; } = DeviceMessageDecoder.DefaultMaxPayloadBytes;

    /// <summary>The installer-editable Zigbee2MQTT model table (relative to the host's directory).</summary>
    public string Zigbee2MqttModels { get; set; } = "zigbee2mqtt/models.json";
}
