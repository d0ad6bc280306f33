using CareIoT.Ingestion;
using CareIoT.PanelReceiver;
using CareIoT.Stores;
using CareIoT.Server.Dispatch;
using CareIoT.Server.Wall;
using CareIoT.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareIoT.Server.SelfWatch;

/// <summary>
/// The centre watches itself, every few seconds on each silo: the broker connection and PostgreSQL (their health
/// checks), no device message at all for longer than the fleet's heartbeats allow, telemetry spooling to disk, a
/// silo of the cluster gone (and not back under its name), a DC-09 listener not listening. A change is logged, journaled (audit log: MonitoringDegraded / MonitoringRestored,
/// written when PostgreSQL takes it again) and pushed to every console and wall of this silo; consoles also read
/// it at each (re)connect. Worst failure of a monitoring centre: blind without knowing it.
/// </summary>
public sealed class PlatformWatch(
    HealthCheckService health, IngestStats ingest, InfluxLineWriter telemetry, PanelListenerStatus panels, IGrainFactory grains, ILocalSiloDetails silo,
    IAuditLog audit, IHubContext<DispatchHub, IDispatchClient> consoles, IHubContext<WallHub, IWallClient> walls,
    IOptions<SelfWatchOptions> options, TimeProvider time, ILogger<PlatformWatch> logger) : BackgroundService
{
    private readonly Dictionary<string, BlindSpot> _degraded = [];
    private readonly Queue<(string Action, BlindSpot Spot, DateTimeOffset At)> _unjournaled = new();
    private long _received = -1;
    private DateTimeOffset _lastMessage;
    private long _spool;

    public MonitoringStatus Status { get; private set; } = new("", DateTimeOffset.MinValue, []);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _lastMessage = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The self-watch could not check the platform");
            }
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var seen = new Dictionary<string, string>();
        var report = await health.CheckHealthAsync(cancellationToken);
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            seen[name] = name == "mqtt" ? "MQTT broker not connected: no device message can arrive" : $"{name}: {entry.Description ?? entry.Status.ToString()}";
        }

        // Silence counts once devices have spoken to this silo: a centre with no device yet is not blind.
        var received = ingest.Snapshot().GetValueOrDefault("received");
        if (received != _received)
        {
            (_received, _lastMessage) = (received, now);
        }
        else if (received > 0 && now - _lastMessage > options.Value.SilenceLimit)
        {
            seen["silence"] = $"no device message for {(int)(now - _lastMessage).TotalSeconds} s";
        }

        var spool = telemetry.Counters.SpoolBytes;
        if (spool > options.Value.SpoolBytesLimit && spool >= _spool)
        {
            seen["spool"] = $"telemetry spooling to disk ({spool / 1024} KiB): InfluxDB is not taking writes";
        }

        _spool = spool;
        foreach (var (transport, why) in panels.Down())
        {
            seen[$"dc09:{transport}"] = $"DC-09 receiver not listening ({why}): alarm panels cannot report";
        }

        foreach (var dead in await DeadSilosAsync())
        {
            seen[$"silo:{dead}"] = $"silo {dead} is gone from the cluster";
        }

        var changed = false;
        foreach (var (key, what) in seen.Where(s => !_degraded.ContainsKey(s.Key)))
        {
            _degraded[key] = new BlindSpot(key, what, now);
            _unjournaled.Enqueue(("MonitoringDegraded", _degraded[key], now));
            logger.LogWarning("Monitoring degraded: {What}", what);
            changed = true;
        }

        foreach (var key in _degraded.Keys.Where(k => !seen.ContainsKey(k)).ToList())
        {
            _unjournaled.Enqueue(("MonitoringRestored", _degraded[key], now));
            logger.LogInformation("Monitoring restored: {What} (since {Since})", _degraded[key].What, _degraded[key].Since);
            _degraded.Remove(key);
            changed = true;
        }

        Status = new MonitoringStatus(silo.Name, now, [.. _degraded.Values.OrderBy(d => d.Since)]);
        if (changed)
        {
            await consoles.Clients.All.MonitoringChanged(Status);
            await walls.Clients.All.MonitoringChanged(Status);
        }

        await JournalAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<string>> DeadSilosAsync()
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
            var recent = time.GetUtcNow().UtcDateTime.AddHours(-1);
            var back = hosts.Where(h => h.Status is SiloStatus.Active or SiloStatus.Joining).Select(h => h.SiloName).ToHashSet();
            return [.. hosts.Where(h => h.Status == SiloStatus.Dead && h.IAmAliveTime > recent && h.SiloName != silo.Name && !back.Contains(h.SiloName))
                .Select(h => h.SiloName).Distinct()];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Cluster membership not readable now");
            return [];
        }
    }

    private async Task JournalAsync(CancellationToken cancellationToken)
    {
        while (_unjournaled.TryPeek(out var entry))
        {
            try
            {
                await audit.RecordAsync("platform", entry.Action, entry.Spot.Key,
                    new { entry.Spot.What, entry.Spot.Since, silo = silo.Name }, entry.At, cancellationToken);
                _unjournaled.Dequeue();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Audit log not writable now; {Action} of {Key} is written when it is", entry.Action, entry.Spot.Key);
                return; // PostgreSQL is away (that is one of the blind spots): written when it is back
            }
        }
    }
}
