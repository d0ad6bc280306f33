using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry;

internal sealed partial class BatchSender
{
    private static readonly TimeSpan MinProbeDelay = TimeSpan.FromMilliseconds(100);

    private async Task SendOrSpoolAsync(WriteBatch batch)
    {
        if (!spool.IsEmpty)
        {
            Spool(batch);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            var outcome = await transport.SendAsync(batch.Body);
            if (outcome.Status == WriteOutcome.Result.Written)
            {
                stats.Written(batch.Points);
                return;
            }

            if (outcome.Status == WriteOutcome.Result.Rejected)
            {
                deadLetters.Record(batch.Body, outcome, fromSpool: false);
                return;
            }

            if (attempt >= options.MaxRetries || _stopping.IsCancellationRequested)
            {
                logger.LogWarning("InfluxDB at {Url} is unavailable ({Reason}); spooling {Points} points and what follows until it is back",
                    transport.Uri, outcome, batch.Points);
                break;
            }

            var delay = Backoff.Delay(options, attempt + 1);
            logger.LogInformation("Writing {Points} points to InfluxDB failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}",
                batch.Points, outcome, attempt + 1, options.MaxRetries, delay);
            try
            {
                await Task.Delay(delay, time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Spool(batch);
        ScheduleProbe();
    }

    /// <summary>Sends spool segments oldest first until the spool is empty or a send fails.</summary>
    private async Task BackfillAsync()
    {
        var sent = 0L;
        while (spool.Oldest is { } segment)
        {
            byte[] body;
            try
            {
                body = LineSpool.Read(segment);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "Spool segment {Segment} cannot be read; its {Points} points are lost", segment.Path, segment.Points);
                spool.RemoveOldest();
                stats.Dropped(segment.Points);
                continue;
            }

            var outcome = await transport.SendAsync(body);
            if (outcome.Status == WriteOutcome.Result.Unavailable)
            {
                logger.LogDebug("Back-fill to {Url} failed ({Reason}); {Points} points stay in the spool", transport.Uri, outcome, spool.Points);
                ScheduleProbe();
                return;
            }

            if (outcome.Status == WriteOutcome.Result.Written)
            {
                stats.Written(segment.Points);
                stats.Backfilled(segment.Points);
                sent += segment.Points;
            }
            else
            {
                deadLetters.Record(body, outcome, fromSpool: true);
            }

            spool.RemoveOldest();
        }

        if (sent > 0 || _probeFailures > 0)
        {
            logger.LogInformation("InfluxDB at {Url} is reachable; back-filled {Points} points from the spool", transport.Uri, sent);
        }

        _probeFailures = 0;
    }

    private void ScheduleProbe()
    {
        _probeFailures++;
        // A floor, so a zero back-off setting cannot turn an outage into a busy loop.
        var delay = Backoff.Delay(options, _probeFailures);
        _probeAt = time.GetUtcNow() + (delay < MinProbeDelay ? MinProbeDelay : delay);
    }

    private void Spool(WriteBatch batch)
    {
        try
        {
            spool.Append(batch);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stats.Dropped(batch.Points);
            logger.LogError(ex, "Could not spool {Points} points to {Directory}; they are lost", batch.Points, spool.Location);
        }
    }
}
