using CareIoT.DeviceProtocol;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion;

/// <summary>
/// One MQTT session of an ingest node and the traffic it carries. Alarms and telemetry travel in
/// separate sessions so that the broker queues them apart: a press never waits at the broker, or in
/// our partitions, behind thousands of mattress readings. Each device's messages stay in order
/// within a lane; across lanes (a device's events against its own status and telemetry) they may not.
/// </summary>
public sealed class IngestLane
{
    private readonly string[] _filters;
    private readonly string[] _inherited;
    private readonly bool _skipsEvents;

    private IngestLane(string name, string clientIdSuffix, string[] filters, string[] inherited, bool skipsEvents, int? partitions, int batchSize, bool shared)
    {
        BatchSize = batchSize;
        YieldsToAlarms = batchSize > 1;
        Shared = shared;
        Name = name;
        ClientIdSuffix = clientIdSuffix;
        _filters = filters;
        _inherited = inherited;
        _skipsEvents = skipsEvents;
        Partitions = partitions;
    }

    /// <summary>Device events (presses, smoke, bed exits) and every Zigbee2MQTT gateway (its messages mix events and state).</summary>
    public static IngestLane Alarms { get; } = new("alarms", "-alarms",
        [$"{DeviceTopics.Prefix}/+/{DeviceChannels.Events}", Zigbee2MqttTopics.AllGateways], [], skipsEvents: false, partitions: 8, batchSize: 1, shared: false);

    /// <summary>
    /// Every other native topic: status, telemetry, and any unknown channel (so it is dead-lettered, not
    /// lost). It keeps the node's original client id, whose older session subscribed to everything.
    /// </summary>
    public static IngestLane Telemetry { get; } = new("telemetry", "",
        [DeviceTopics.AllDevices], [DeviceTopics.AllDevices, Zigbee2MqttTopics.AllGateways], skipsEvents: true, partitions: null, batchSize: 64, shared: true);

    public static IReadOnlyList<IngestLane> All { get; } = [Alarms, Telemetry];

    public string Name { get; }

    public string ClientIdSuffix { get; }

    /// <summary>How many partitions the lane processes at once; null takes <see cref="MqttIngestOptions.Partitions"/>.</summary>
    public int? Partitions { get; }

    /// <summary>
    /// How many queued messages of one partition are handled together (each device's in one grain call).
    /// Alarms: one at a time, each at once. Telemetry: up to 64, which is what makes a reading cheap.
    /// </summary>
    public int BatchSize { get; }

    /// <summary>Whether this lane waits while the alarm lane has a message in hand (<see cref="AlarmPrecedence"/>).</summary>
    public bool YieldsToAlarms { get; }

    /// <summary>
    /// Whether the nodes of a cluster split this lane's messages (a shared subscription, when
    /// <see cref="MqttIngestOptions.SharedGroup"/> is set): telemetry yes, so N silos ingest N times as
    /// much; alarms never: each node keeps its own persistent subscription, which Mosquitto 2.0 keeps
    /// across its own restart (it forgets shared ones), and the device grains drop the repeats.
    /// </summary>
    public bool Shared { get; }

    public string ClientId(string nodeClientId) => nodeClientId + ClientIdSuffix;

    /// <summary>
    /// Whether this lane handles a message it receives. The telemetry lane's catch-all filter also
    /// brings device events, which the alarm lane handles: those are acknowledged and left alone.
    /// </summary>
    public bool Handles(string topic) =>
        !(_skipsEvents
          && topic.StartsWith(DeviceTopics.Prefix, StringComparison.Ordinal)
          && topic.EndsWith("/" + DeviceChannels.Events, StringComparison.Ordinal));

    /// <summary>
    /// The filters to subscribe (shared or not), and the ones a kept session may still hold from an
    /// older configuration (the other form, or everything the node's single session used to take), to drop.
    /// </summary>
    public (string[] Wanted, string[] Retired) Filters(string? sharedGroup)
    {
        var wanted = Forms(_filters, Shared ? sharedGroup : null).ToArray();
        string?[] groups = string.IsNullOrEmpty(sharedGroup) ? [null] : [null, sharedGroup];
        var retired = groups.SelectMany(g => Forms([.. _filters, .. _inherited], g)).Distinct().Except(wanted).ToArray();
        return (wanted, retired);
    }

    public override string ToString() => Name;

    private static IEnumerable<string> Forms(IEnumerable<string> filters, string? sharedGroup) =>
        string.IsNullOrEmpty(sharedGroup) ? filters : filters.Select(f => $"$share/{sharedGroup}/{f}");
}
