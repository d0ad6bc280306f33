using System.Diagnostics.Metrics;
using CareIoT.Contracts;
using NSubstitute;

namespace CareIoT.Ingestion.Tests;

/// <summary>The backlog gauge counts what waits in a lane's partitions, and a message's time to its acknowledgement is measured.</summary>
public sealed class IngestBacklogTests : IDisposable
{
    private readonly PipelineHarness _harness = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<DeliveryResult> _grainAnswers = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task MessagesBehindOneInHandAreTheLanesBacklogUntilTheGrainAnswers()
    {
        var inHand = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Device.Receive(Arg.Any<DeviceMessage>()).Returns(_ =>
        {
            inHand.TrySetResult();
            return _grainAnswers.Task;
        });
        var processed = new List<(double Milliseconds, string? Lane)>();
        using var listener = ListenTo(_harness.MeterFactory, "careiot.ingest.processing.duration", processed);
        _harness.Pipeline.Start(_stopping.Token, IngestLane.Alarms, partitions: 1);

        var acknowledged = 0;
        var allAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 5; i++)
        {
            var payload = ExamplePayloads.Read(ExamplePayloads.Press);
            await _harness.Pipeline.EnqueueAsync(PipelineHarness.Inbound(payload, _ =>
            {
                if (Interlocked.Increment(ref acknowledged) == 5)
                {
                    allAcknowledged.TrySetResult();
                }

                return Task.CompletedTask;
            }), CancellationToken.None);
        }

        await inHand.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, _harness.Pipeline.Backlog);
        Assert.Equal(4, Observe(_harness.MeterFactory, "careiot.ingest.backlog", "alarms"));

        _grainAnswers.SetResult(new DeliveryResult(DeliveryOutcome.Accepted));
        await allAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The time is recorded just after each acknowledgement: the last one may follow the signal by a moment.
        Assert.True(SpinWait.SpinUntil(() => { lock (processed) { return processed.Count == 5; } }, TimeSpan.FromSeconds(5)));
        Assert.Equal(0, _harness.Pipeline.Backlog);
        lock (processed)
        {
            Assert.Equal(5, processed.Count);
            Assert.All(processed, p => Assert.Equal("alarms", p.Lane));
            // From the example's arrival (a fixed past instant) to the acknowledgement now.
            Assert.All(processed, p => Assert.True(p.Milliseconds >= (DateTimeOffset.UtcNow - ExamplePayloads.ReceivedAt).TotalMilliseconds - 60_000));
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _harness.Dispose();
    }

    private static long Observe(object scope, string instrument, string lane)
    {
        long seen = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Name == instrument && ReferenceEquals(i.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "lane" && (string?)tag.Value == lane)
                {
                    seen = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }

    private static MeterListener ListenTo(object scope, string instrument, List<(double, string?)> into)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Name == instrument && ReferenceEquals(i.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? lane = null;
            foreach (var tag in tags)
            {
                lane = tag.Key == "lane" ? (string?)tag.Value : lane;
            }

            lock (into)
            {
                into.Add((value, lane));
            }
        });
        listener.Start();
        return listener;
    }
}
