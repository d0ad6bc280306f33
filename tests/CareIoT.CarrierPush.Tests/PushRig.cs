using System.Diagnostics.Metrics;
using CareIoT.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CareIoT.CarrierPush.Tests;

/// <summary>The receiver's parts wired as the host wires them, with substitutes for the grains, the registry and the dead-letter store.</summary>
internal sealed class PushRig
{
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    public PushRig(int queueCapacity = 16, bool verify = true, MemoryInbox? inbox = null)
    {
        Inbox = inbox ?? new MemoryInbox();
        Options = Microsoft.Extensions.Options.Options.Create(new CarrierPushOptions
        {
            OneNet = new CarrierPlatformOptions { Token = "onenet-token", VerifySignatures = verify },
            Ctwing = new CarrierPlatformOptions { Token = "ctwing-secret", VerifySignatures = verify },
            QueueCapacity = queueCapacity,
        });
        Stats = new CarrierPushStats(new TestMeterFactory());
        Grains.GetGrain<IDeviceGrain>(Arg.Any<string>(), Arg.Any<string?>()).Returns(Grain);
        Grain.Receive(Arg.Any<DeviceMessage>()).Returns(new DeliveryResult(DeliveryOutcome.Accepted));
        Devices.ListAsync(Arg.Any<CancellationToken>()).Returns([
            new CarrierDevice(CarrierPlatform.OneNet, "2016617", "869000000000001", "example-onenet-smoke", "nb-869000000000001"),
            new CarrierDevice(CarrierPlatform.Ctwing, "869000000000002", "869000000000002", "strict-ctwing", "nb-869000000000002"),
        ]);
        Queue = new CarrierPushQueue(Options);
        DeadLetters = new CarrierDeadLetters(Store, Stats, Options, Time, NullLogger<CarrierDeadLetters>.Instance);
        Intake = new CarrierPushIntake(Queue, Inbox, DeadLetters, Stats, Options, Time, NullLogger<CarrierPushIntake>.Instance);
        Processor = new CarrierReportProcessor(new CarrierDeviceDirectory(Devices, Options, Time), Products, new RecentPushIds(100), Grains, DeadLetters, Stats, Options);
        Worker = new CarrierPushWorker(Queue, Inbox, Processor, Stats, Options, Time, NullLogger<CarrierPushWorker>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public IOptions<CarrierPushOptions> Options { get; }

    public IDeadLetterStore Store { get; } = Substitute.For<IDeadLetterStore>();

    public MemoryInbox Inbox { get; }

    public CarrierPushWorker Worker { get; }

    public IGrainFactory Grains { get; } = Substitute.For<IGrainFactory>();

    public IDeviceGrain Grain { get; } = Substitute.For<IDeviceGrain>();

    public ICarrierDevices Devices { get; } = Substitute.For<ICarrierDevices>();

    public CarrierProductMap Products { get; } = CarrierProductMap.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "carrier-products.json"))
        .Replace("\"products\": {", "\"products\": { \"strict-ctwing\": {\"platform\":\"ctwing\",\"productId\":\"15000001\",\"fields\":{\"smoke_state\":{\"1\":\"SmokeAlarm\"}}},", StringComparison.Ordinal));

    public CarrierPushStats Stats { get; }

    public CarrierPushQueue Queue { get; }

    public CarrierDeadLetters DeadLetters { get; }

    public CarrierPushIntake Intake { get; }

    public CarrierReportProcessor Processor { get; }

    /// <summary>Everything queued so far, processed, and its inbox rows removed as the worker does.</summary>
    public async Task DrainAsync()
    {
        while (Queue.Reader.TryRead(out var push))
        {
            foreach (var queued in push.Reports)
            {
                await Processor.ProcessAsync(queued, CancellationToken.None);
            }

            await Inbox.RemoveAsync(push.InboxId, CancellationToken.None);
            Queue.Finished(push);
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
