using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Grains.Nights;

/// <summary>
/// Visits every bed each morning (a reminder at <see cref="BaselineJobOptions.RunAt"/>) and has it learn its
/// nights, <see cref="BaselineJobOptions.Concurrency"/> at a time; the bed grains are spread over the silos.
/// A run goes on in the background of this grain: asking for its state never waits for it.
/// </summary>
public sealed class BaselineJobGrain(IBedDirectory beds, IOptions<BaselineJobOptions> options, TimeProvider time, ILogger<BaselineJobGrain> logger)
    : Grain, IBaselineJobGrain, IRemindable
{
    private const string Daily = "baselines-daily";
    private BaselineRun? _run;
    private Task? _running;

    public async Task Schedule()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime).ToDateTime(options.Value.RunAt, DateTimeKind.Unspecified);
        var next = new DateTimeOffset(today, zone.GetUtcOffset(today));
        if (next <= now)
        {
            next = next.AddDays(1);
        }

        await this.RegisterOrUpdateReminder(Daily, next - now, TimeSpan.FromDays(1));
    }

    public Task<BaselineRun> RunNow()
    {
        if (_running is null || _running.IsCompleted)
        {
            _run = new BaselineRun(time.GetUtcNow(), null, 0, 0, 0, 0);
            _running = RunAsync();
        }

        return Task.FromResult(_run!);
    }

    public Task<BaselineRun?> GetLastRun() => Task.FromResult(_run);

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunNow();

    private async Task RunAsync()
    {
        var now = _run!.StartedAt;
        var ids = await beds.AllBedIdsAsync(CancellationToken.None);
        _run = _run with { Beds = ids.Count };
        logger.LogInformation("Baselines: {Beds} beds learn their nights, {Concurrency} at a time", ids.Count, options.Value.Concurrency);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Value.Concurrency));
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                var learned = await GrainFactory.GetGrain<IBedGrain>(id).LearnNights(now);
                _run = _run with { Done = _run.Done + 1, NightsLearned = _run.NightsLearned + learned };
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Baselines: bed {BedId} could not learn its nights; it tries again at the next run", id);
                _run = _run with { Done = _run.Done + 1, Failed = _run.Failed + 1 };
            }
            finally
            {
                gate.Release();
            }
        }));
        _run = _run with { EndedAt = time.GetUtcNow() };
        logger.LogInformation("Baselines: {Beds} beds, {Nights} nights learned, {Failed} failed, in {Duration}",
            _run.Beds, _run.NightsLearned, _run.Failed, _run.EndedAt - _run.StartedAt);
    }
}
