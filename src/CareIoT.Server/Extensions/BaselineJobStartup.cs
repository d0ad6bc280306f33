using CareIoT.Contracts;

namespace CareIoT.Server.Extensions;

/// <summary>Registers the baseline job's daily reminder at start (idempotent: every silo may do it).</summary>
public sealed class BaselineJobStartup(IGrainFactory grains, ILogger<BaselineJobStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await grains.GetGrain<IBaselineJobGrain>(IBaselineJobGrain.Centre).Schedule();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The baseline job's daily reminder could not be registered; beds keep their last baselines until it is");
        }
    }
}
