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
    /// The telemetry lane subscribes as <c>$share/{group}/…</c>, so the nodes of a cluster split the
    /// telemetry (each reading is processed by one silo). The alarm lane never shares: each node keeps its
    /// own persistent subscription, because Mosquitto 2.0 does not restore shared subscriptions when it
    /// restarts — what devices publish between the broker's restart and the lanes' re-subscription (a
    /// second or two) is acknowledged to them and dropped. For telemetry that loss is bounded and counted
    /// by the chaos run; for alarms it would be unacceptable (and they have receipts besides). The server
    /// sets it to <c>careiot-{Orleans:ClusterId}</c> unless configured, so one cluster's silos share and
    /// another cluster on the same broker does not take its readings. Empty: every node takes every
    /// telemetry message (the grains drop the repeats).
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
