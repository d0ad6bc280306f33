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
    public async Task GrainFailingWhileStoppingDoesNotMakeStopThrow()
    {
        var inFlight = new TaskCompletionSource<DeliveryResult>();
        var called = new TaskCompletionSource();
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ =>
        {
            called.TrySetResult();
            return inFlight.Task;
        });
        _harness.Pipeline.Start(_stopping.Token);
        await _harness.Pipeline.EnqueueAsync(PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press)), CancellationToken.None);
        await called.Task.WaitAsync(Patience);

        await _stopping.CancelAsync();
        inFlight.SetException(new InvalidOperationException("silo shutting down"));

        await _harness.Pipeline.StopAsync().WaitAsync(Patience);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _harness.Dispose();
    }
}
