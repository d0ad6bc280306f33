using CareIoT.Contracts;
using CareIoT.DeviceProtocol;
using NSubstitute;

namespace CareIoT.Ingestion.Tests;

/// <summary>
/// The telemetry lane hands each device's queued readings to its grain in one call, in the order they
/// came, acknowledges each message once after that, and starts no new work while an alarm is in hand.
/// </summary>
public sealed class IngestPipelineBatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();

    [Fact]
    public async Task ReadingsQueuedWhileTheLaneWasBusyReachEachDeviceInOneCallInOrder()
    {
        using var harness = new PipelineHarness();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(async _ =>
        {
            await first.Task;
            return new DeliveryResult(DeliveryOutcome.Accepted);
        });
        var batches = new List<string[]>();
        harness.Device.ReceiveBatch(Arg.Any<DeviceMessageBatch>()).Returns(call =>
        {
            var batch = call.Arg<DeviceMessageBatch>();
            lock (batches)
            {
                batches.Add([.. batch.Messages.Select(m => $"{m.DeviceId}/{m.MessageId}")]);
            }

            return Enumerable.Repeat(DeliveryOutcome.Accepted, batch.Messages.Length).ToArray();
        });
        var acknowledged = 0;
        harness.Pipeline.Start(_stopping.Token, IngestLane.Telemetry, partitions: 1);

        await harness.Pipeline.EnqueueAsync(Reading("mt-a", "a0", () => Interlocked.Increment(ref acknowledged)), CancellationToken.None);
        await Eventually(() => harness.Device.ReceivedCalls().Any());
        for (var i = 1; i <= 5; i++)
        {
            await harness.Pipeline.EnqueueAsync(Reading("mt-a", $"a{i}", () => Interlocked.Increment(ref acknowledged)), CancellationToken.None);
            await harness.Pipeline.EnqueueAsync(Reading("mt-b", $"b{i}", () => Interlocked.Increment(ref acknowledged)), CancellationToken.None);
        }

        first.SetResult();
        await Eventually(() => Volatile.Read(ref acknowledged) == 11);
        await harness.Pipeline.StopAsync();

        Assert.Equal(2, batches.Count);
        Assert.Contains(batches, b => b.SequenceEqual(["mt-a/a1", "mt-a/a2", "mt-a/a3", "mt-a/a4", "mt-a/a5"]));
        Assert.Contains(batches, b => b.SequenceEqual(["mt-b/b1", "mt-b/b2", "mt-b/b3", "mt-b/b4", "mt-b/b5"]));
        Assert.Equal(11, harness.Count("accepted"));
    }

    [Fact]
    public async Task ABatchWhoseDeliveryFailedIsRetriedWholeAndEachMessageAcknowledgedOnce()
    {
        using var harness = new PipelineHarness();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(async _ =>
        {
            await gate.Task;
            return new DeliveryResult(DeliveryOutcome.Accepted);
        });
        var calls = 0;
        harness.Device.ReceiveBatch(Arg.Any<DeviceMessageBatch>()).Returns(call =>
            Interlocked.Increment(ref calls) == 1
                ? Task.FromException<DeliveryOutcome[]>(new InvalidOperationException("journal down"))
                : Task.FromResult(Enumerable.Repeat(DeliveryOutcome.Accepted, call.Arg<DeviceMessageBatch>().Messages.Length).ToArray()));
        var acknowledgements = new Dictionary<string, int>();
        harness.Pipeline.Start(_stopping.Token, IngestLane.Telemetry, partitions: 1);

        await harness.Pipeline.EnqueueAsync(Reading("mt-a", "x0", Counter(acknowledgements, "x0")), CancellationToken.None);
        await Eventually(() => harness.Device.ReceivedCalls().Any());
        foreach (var id in new[] { "x1", "x2", "x3" })
        {
            await harness.Pipeline.EnqueueAsync(Reading("mt-a", id, Counter(acknowledgements, id)), CancellationToken.None);
        }

        gate.SetResult();
        await Eventually(() => { lock (acknowledgements) { return acknowledgements.Count == 4; } });
        await harness.Pipeline.StopAsync();

        Assert.Equal(2, calls);
        Assert.All(acknowledgements.Values, n => Assert.Equal(1, n));
        Assert.Equal(1, harness.Count("retries"));
        Assert.Equal(4, harness.Count("accepted"));
    }

    [Fact]
    public async Task TelemetryWaitsWhileAnAlarmIsInHandAndGoesOnWhenItIsDone()
    {
        using var harness = new PipelineHarness(new AlarmPrecedence(maxWait: TimeSpan.FromSeconds(30)));
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ =>
        {
            delivered.TrySetResult();
            return new DeliveryResult(DeliveryOutcome.Accepted);
        });
        harness.Pipeline.Start(_stopping.Token, IngestLane.Telemetry, partitions: 1);
        var alarm = harness.Precedence.Enter();

        await harness.Pipeline.EnqueueAsync(Reading("mt-a", "t1", () => { }), CancellationToken.None);
        var early = await Task.WhenAny(delivered.Task, Task.Delay(TimeSpan.FromMilliseconds(300)));
        alarm.Dispose();
        await delivered.Task.WaitAsync(Patience);
        await harness.Pipeline.StopAsync();

        Assert.NotSame(delivered.Task, early);
        Assert.Equal(0, harness.Precedence.InFlight);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private static InboundMessage Reading(string deviceId, string messageId, Action acknowledged)
    {
        var payload = DevicePayloadJson.Serialize(new DevicePayload { Id = messageId, Ts = ExamplePayloads.ReceivedAt, Type = MessageTypes.Vitals, HeartRate = 70, RespirationRate = 15, Presence = true });
        return PipelineHarness.Inbound(payload, _ => { acknowledged(); return Task.CompletedTask; }, DeviceTopics.Telemetry(deviceId));
    }

    private static Action Counter(Dictionary<string, int> counts, string id) => () =>
    {
        lock (counts)
        {
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
    };

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
