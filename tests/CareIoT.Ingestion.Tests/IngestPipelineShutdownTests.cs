using CareIoT.Contracts;
using NSubstitute;

namespace CareIoT.Ingestion.Tests;

public sealed class IngestPipelineShutdownTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly PipelineHarness _harness = new();
    private readonly CancellationTokenSource _stopping = new();

    [Fact]
    public async Task StopWaitsForQueuedMessagesToBeProcessed()
    {
        _harness.DeviceAnswers(DeliveryOutcome.Accepted);
        var acknowledged = 0;
        _harness.Pipeline.Start(_stopping.Token);

        for (var i = 0; i < 10; i++)
        {
            await _harness.Pipeline.EnqueueAsync(
                PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press), _ =>
                {
                    Interlocked.Increment(ref acknowledged);
                    return Task.CompletedTask;
                }),
                CancellationToken.None);
        }

        await _harness.Pipeline.StopAsync().WaitAsync(Patience);

        Assert.Equal(10, acknowledged);
        Assert.Equal(10, _harness.Count("accepted"));
    }

    [Fact]
    public async Task MessageWhoseGrainCallFailedAtShutdownIsLeftUnacknowledgedForTheBrokerToRedeliver()
    {
        var inFlight = new TaskCompletionSource<DeliveryResult>();
        var called = new TaskCompletionSource();
        var acknowledged = 0;
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ =>
        {
            called.TrySetResult();
            return inFlight.Task;
        });
        _harness.Pipeline.Start(_stopping.Token);
        await _harness.Pipeline.EnqueueAsync(
            PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press), _ =>
            {
                Interlocked.Increment(ref acknowledged);
                return Task.CompletedTask;
            }),
            CancellationToken.None);
        await called.Task.WaitAsync(Patience);

        await _stopping.CancelAsync();
        inFlight.SetException(new InvalidOperationException("silo shutting down"));

        // Stop does not throw, and the failed message was neither acknowledged nor counted as accepted.
        await _harness.Pipeline.StopAsync().WaitAsync(Patience);
        Assert.Equal(0, Volatile.Read(ref acknowledged));
        Assert.Equal(0, _harness.Count("accepted"));
    }

    [Fact]
    public async Task MessageIsAcknowledgedOnlyAfterARetriedGrainCallAcceptedIt()
    {
        var calls = 0;
        var acknowledgedAfterCall = new List<int>();
        var acknowledged = new TaskCompletionSource();
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<DeliveryResult>(new InvalidOperationException("journal down"))
            : Task.FromResult(new DeliveryResult(DeliveryOutcome.Accepted)));
        _harness.Pipeline.Start(_stopping.Token);
        await _harness.Pipeline.EnqueueAsync(
            PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press), _ =>
            {
                lock (acknowledgedAfterCall)
                {
                    acknowledgedAfterCall.Add(Volatile.Read(ref calls));
                }

                acknowledged.TrySetResult();
                return Task.CompletedTask;
            }),
            CancellationToken.None);

        await acknowledged.Task.WaitAsync(Patience);
        await _harness.Pipeline.StopAsync().WaitAsync(Patience);
        Assert.Equal([2], acknowledgedAfterCall);
        Assert.Equal(1, _harness.Count("retries"));
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _harness.Dispose();
    }
}
