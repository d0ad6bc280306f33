using CareIoT.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace CareIoT.Ingestion.Tests;

/// <summary>An <see cref="IngestPipeline"/> wired to substitutes for the grains and the dead-letter store.</summary>
public sealed class PipelineHarness : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public PipelineHarness(AlarmPrecedence? precedence = null)
    {
        Precedence = precedence ?? new AlarmPrecedence();
        Grains.GetGrain<IDeviceGrain>(Arg.Any<string>(), Arg.Any<string?>()).Returns(Device);
        MeterFactory = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        Stats = new IngestStats(MeterFactory);
        Pipeline = new IngestPipeline(
            new DeviceMessageRouter(
                new DeviceMessageDecoder(DeviceMessageDecoder.DefaultMaxPayloadBytes),
                new CareIoT.Ingestion.Zigbee2Mqtt.Zigbee2MqttDecoder(CareIoT.Ingestion.Zigbee2Mqtt.Zigbee2MqttModelCatalog.Empty),
                DeviceMessageDecoder.DefaultMaxPayloadBytes),
            Grains, DeadLetters, Stats, Precedence, Options.Create(new MqttIngestOptions()), TimeProvider.System,
            NullLogger<IngestPipeline>.Instance);
    }

    public IGrainFactory Grains { get; } = Substitute.For<IGrainFactory>();

    public IDeviceGrain Device { get; } = Substitute.For<IDeviceGrain>();

    public IDeadLetterStore DeadLetters { get; } = Substitute.For<IDeadLetterStore>();

    public IngestStats Stats { get; }

    /// <summary>The factory of this harness's meters (a listener tells them from other tests' by it: their scope).</summary>
    public System.Diagnostics.Metrics.IMeterFactory MeterFactory { get; }

    public AlarmPrecedence Precedence { get; }

    public IngestPipeline Pipeline { get; }

    /// <summary>Makes the device grain answer every message with this outcome.</summary>
    public void DeviceAnswers(DeliveryOutcome outcome) =>
        Device.Receive(Arg.Any<DeviceMessage>()).Returns(new DeliveryResult(outcome));

    public long Count(string name) => Stats.Snapshot().TryGetValue(name, out var n) ? n : 0;

    public static InboundMessage Inbound(byte[] payload, Func<CancellationToken, Task>? acknowledge = null, string? topic = null) =>
        new(topic ?? ExamplePayloads.EventsTopic, payload, payload.Length, ExamplePayloads.ReceivedAt, acknowledge ?? (_ => Task.CompletedTask));

    public void Dispose() => _services.Dispose();
}
