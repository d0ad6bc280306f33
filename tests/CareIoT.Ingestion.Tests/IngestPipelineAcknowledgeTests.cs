using CareIoT.Contracts;
using NSubstitute;

namespace CareIoT.Ingestion.Tests;

public sealed class IngestPipelineAcknowledgeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly PipelineHarness _harness = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledgements;
    private bool _acceptedBeforeAcknowledgement;
    private volatile bool _accepted;

    [Fact]
    public async Task MessageIsAcknowledgedOnceAfterTheGrainAcceptedIt()
    {
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ =>
        {
            _accepted = true;
            return new DeliveryResult(DeliveryOutcome.Accepted);
        });
        _harness.Pipeline.Start(_stopping.Token);

        await _harness.Pipeline.EnqueueAsync(Inbound(), CancellationToken.None);
        await _acknowledged.Task.WaitAsync(Patience);
        await _harness.Pipeline.StopAsync();

        Assert.Equal(1, _acknowledgements);
        Assert.True(_acceptedBeforeAcknowledgement);
        await _harness.Device.Received(1).Receive(Arg.Any<DeviceMessage>());
        Assert.Equal(1, _harness.Count("received"));
        Assert.Equal(1, _harness.Count("accepted"));
    }

    [Fact]
    public async Task MessageWhoseFirstDeliveryFailedIsRetriedAndAcknowledgedOnce()
    {
        var calls = 0;
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ =>
            Interlocked.Increment(ref calls) == 1
                ? Task.FromException<DeliveryResult>(new InvalidOperationException("journal down"))
                : Task.FromResult(new DeliveryResult(DeliveryOutcome.Accepted)));
        _harness.Pipeline.Start(_stopping.Token);

        await _harness.Pipeline.EnqueueAsync(Inbound(), CancellationToken.None);
        await _acknowledged.Task.WaitAsync(Patience);
        await _harness.Pipeline.StopAsync();

        Assert.Equal(2, calls);
        Assert.Equal(1, _acknowledgements);
        Assert.Equal(1, _harness.Count("retries"));
        Assert.Equal(1, _harness.Count("accepted"));
    }

    [Fact]
    public async Task MalformedMessageIsAcknowledgedOnceItWasDeadLettered()
    {
        _harness.Pipeline.Start(_stopping.Token);

        await _harness.Pipeline.EnqueueAsync(Inbound("{"u8.ToArray()), CancellationToken.None);
        await _acknowledged.Task.WaitAsync(Patience);
        await _harness.Pipeline.StopAsync();

        Assert.Equal(1, _acknowledgements);
        await _harness.DeadLetters.Received(1).AddAsync(Arg.Any<DeadLetter>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task MalformedMessageIsAcknowledgedOnlyOnceTheDeadLetterStoreTookIt()
    {
        var writes = 0;
        _harness.DeadLetters.AddAsync(Arg.Any<DeadLetter>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            if (Interlocked.Increment(ref writes) == 1)
            {
                return Task.FromException(new InvalidOperationException("dead-letter store down"));
            }

            _accepted = true;
            return Task.CompletedTask;
        });
        _harness.Pipeline.Start(_stopping.Token);

        await _harness.Pipeline.EnqueueAsync(Inbound("{"u8.ToArray()), CancellationToken.None);
        await _acknowledged.Task.WaitAsync(Patience);
        await _harness.Pipeline.StopAsync();

        Assert.Equal(2, writes);
        Assert.Equal(1, _acknowledgements);
        Assert.True(_acceptedBeforeAcknowledgement);
        Assert.Equal(1, _harness.Count("rejected.MalformedJson"));
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _harness.Dispose();
    }

    private InboundMessage Inbound(byte[]? payload = null) =>
        PipelineHarness.Inbound(payload ?? ExamplePayloads.Read(ExamplePayloads.Press), _ =>
        {
            Interlocked.Increment(ref _acknowledgements);
            _acceptedBeforeAcknowledgement = _accepted;
            _acknowledged.TrySetResult();
            return Task.CompletedTask;
        });
}
