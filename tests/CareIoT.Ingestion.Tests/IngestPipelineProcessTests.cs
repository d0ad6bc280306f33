using System.Text;
using CareIoT.Contracts;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CareIoT.Ingestion.Tests;

public sealed class IngestPipelineProcessTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    [Fact]
    public async Task MalformedPayloadIsDeadLetteredWithoutCallingAGrain()
    {
        var payload = Encoding.UTF8.GetBytes("""{"id":"m-1","ts":""");

        await _harness.Pipeline.ProcessAsync(PipelineHarness.Inbound(payload), CancellationToken.None);

        await _harness.DeadLetters.Received(1).AddAsync(
            Arg.Is<DeadLetter>(d =>
                d.Reason == nameof(RejectReason.MalformedJson) && d.DeviceId == ExamplePayloads.DeviceId
                && d.Topic == ExamplePayloads.EventsTopic && d.Source == "mqtt" && d.Detail.Length > 0
                && d.Payload.SequenceEqual(payload) && d.PayloadSize == payload.Length),
            Arg.Any<CancellationToken>());
        Assert.Equal(1, _harness.Count("rejected.MalformedJson"));
        Assert.Equal(1, _harness.Count("rejected"));
        Assert.Equal(0, _harness.Count("accepted"));
        Assert.Empty(_harness.Grains.ReceivedCalls());
    }

    [Fact]
    public async Task UnknownDeviceIsDeadLettered()
    {
        _harness.DeviceAnswers(DeliveryOutcome.UnknownDevice);
        var press = ExamplePayloads.Read(ExamplePayloads.Press);

        await _harness.Pipeline.ProcessAsync(PipelineHarness.Inbound(press), CancellationToken.None);

        _harness.Grains.Received(1).GetGrain<IDeviceGrain>(ExamplePayloads.DeviceId, Arg.Any<string?>());
        await _harness.DeadLetters.Received(1).AddAsync(
            Arg.Is<DeadLetter>(d => d.Reason == nameof(RejectReason.UnknownDevice) && d.DeviceId == ExamplePayloads.DeviceId
                && d.Payload.SequenceEqual(press)),
            Arg.Any<CancellationToken>());
        Assert.Equal(1, _harness.Count("rejected.UnknownDevice"));
    }

    [Fact]
    public async Task AcceptedMessageIsCountedAndNotDeadLettered()
    {
        _harness.DeviceAnswers(DeliveryOutcome.Accepted);

        await _harness.Pipeline.ProcessAsync(PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press)), CancellationToken.None);

        await _harness.Device.Received(1).Receive(Arg.Is<DeviceMessage>(m =>
            m.DeviceId == ExamplePayloads.DeviceId && m.MessageId == "cb-0001-000101" && m.Type == DeviceMessageType.Press
            && m.ReceivedAt == ExamplePayloads.ReceivedAt));
        Assert.Equal(1, _harness.Count("accepted"));
        Assert.Empty(_harness.DeadLetters.ReceivedCalls());
    }

    [Fact]
    public async Task DuplicateMessageIsCountedAsDuplicate()
    {
        _harness.DeviceAnswers(DeliveryOutcome.Duplicate);

        await _harness.Pipeline.ProcessAsync(PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press)), CancellationToken.None);

        Assert.Equal(1, _harness.Count("duplicates"));
        Assert.Equal(0, _harness.Count("accepted"));
        Assert.Empty(_harness.DeadLetters.ReceivedCalls());
    }

    [Fact]
    public async Task DeadLetterStoreThatFailsMakesProcessingFail()
    {
        _harness.DeadLetters.AddAsync(Arg.Any<DeadLetter>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("dead-letter store down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _harness.Pipeline.ProcessAsync(PipelineHarness.Inbound(Encoding.UTF8.GetBytes("{")), CancellationToken.None));

        Assert.Equal(0, _harness.Count("rejected"));
    }

    [Fact]
    public async Task GrainThatFailsMakesProcessingFail()
    {
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).ThrowsAsync(new TimeoutException("silo unreachable"));

        await Assert.ThrowsAsync<TimeoutException>(() =>
            _harness.Pipeline.ProcessAsync(PipelineHarness.Inbound(ExamplePayloads.Read(ExamplePayloads.Press)), CancellationToken.None));

        Assert.Equal(0, _harness.Count("accepted"));
    }

    public void Dispose() => _harness.Dispose();
}
