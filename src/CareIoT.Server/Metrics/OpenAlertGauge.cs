using System.Diagnostics.Metrics;
using CareIoT.Stores;

namespace CareIoT.Server.Metrics;

/// <summary>
/// Open alerts by priority (<c>careiot.alerts.open</c>), counted in the journal every 15 s — a scrape reads the
/// last count and never waits for PostgreSQL. While the journal cannot be read the gauge reports nothing.
/// </summary>
public sealed class OpenAlertGauge : BackgroundService
{
    public const string MeterName = "CareIoT.Journal";

    private readonly IAlertQueries _queries;
    private readonly ILogger<OpenAlertGauge> _logger;
    private readonly Meter _meter = new(MeterName);
    private IReadOnlyDictionary<string, long> _open = new Dictionary<string, long>();

    public OpenAlertGauge(IAlertQueries queries, ILogger<OpenAlertGauge> logger)
    {
        (_queries, _logger) = (queries, logger);
        _meter.CreateObservableGauge("careiot.alerts.open", () => _open.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("priority", p.Key))),
            description: "Open alerts in the journal by priority");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                _open = await _queries.OpenByPriorityAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _open = new Dictionary<string, long>();
                _logger.LogWarning(ex, "Open alerts could not be counted for the metrics");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
