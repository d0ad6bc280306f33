using CareIoT.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CareIoT.Grains.Tests;

/// <summary>
/// One in-process silo shared by every grain test: memory storage for sites, fake time for the
/// grains, and in-memory doubles for the journal, the console push and the registry.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public InMemoryAlertJournal Journal { get; } = new();

    /// <summary>The silo's supervision settings, one instance: a test may change a setting and must set it back.</summary>
    public SupervisionOptions Supervision { get; } = new();

    public RecordingAlertNotifier Notifier { get; } = new();

    public DictionaryDeviceRegistry Registry { get; } = new();

    public RecordingTelemetry Telemetry { get; } = new();

    public RecordingInstallationLog Installations { get; } = new();

    public Rotation.InMemoryCoverageLog CoverageLog { get; } = new();

    public Rotation.RecordingWallNotifier WallNotifier { get; } = new();

    public MemoryWallSites WallSites { get; } = new();

    public Nights.MemoryBedMinutes BedMinutes { get; } = new();

    public Nights.MemoryNightLog NightLog { get; } = new();

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(StorageNames.Sites).UseInMemoryReminderService());
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<TimeProvider>(Time);
            // Only the grains run on the fake clock; advancing it must not drive the silo's own loops.
            foreach (var area in new[]
            {
                TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.Messaging,
                TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
            })
            {
                host.Services.AddKeyedSingleton(area, TimeProvider.System);
            }

            // Tests drive escalation by calling CheckEscalation after moving the fake clock; the grain's
            // own timer must not run it in the background meanwhile.
            host.Services.Configure<EscalationOptions>(o => o.CheckEvery = TimeSpan.FromHours(1));
            host.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Supervision));
            host.Services.AddSingleton<IAlertJournal>(Journal);
            host.Services.AddSingleton<IAlertNotifier>(Notifier);
            host.Services.AddSingleton<IDeviceRegistry>(Registry);
            host.Services.AddSingleton<ITelemetryRecorder>(Telemetry);
            host.Services.AddSingleton<IInstallationLog>(Installations);
            host.Services.AddSingleton<Contracts.Rotation.ICoverageLog>(CoverageLog);
            host.Services.AddSingleton<Contracts.Rotation.IWallNotifier>(WallNotifier);
            host.Services.AddSingleton<Contracts.Rotation.IWallSites>(WallSites);
            host.Services.AddSingleton<CareIoT.Grains.Rotation.WallSiteLookup>();
            host.Services.AddSingleton<CareIoT.Baselines.IBedMinuteSeries>(BedMinutes);
            host.Services.AddSingleton<INightLog>(NightLog);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Registers a new device bound to a new site, both with ids no other test uses.</summary>
    public DeviceBinding Install(DeviceKind kind = DeviceKind.CallButton, SiteKind site = SiteKind.Household)
    {
        var binding = new DeviceBinding(NewId("dev"), kind, new SiteRef(site, NewId(site.ToString().ToLowerInvariant())));
        Registry.Register(binding);
        return binding;
    }

    public IDeviceGrain Device(string deviceId) => Client.GetGrain<IDeviceGrain>(deviceId);

    public ISiteGrain Site(SiteRef site) => Client.Site(site);

    public IWalkTestSite WalkTestSite(SiteRef site) => Client.WalkTestSite(site);

    /// <summary>A message as ingestion would hand it over, received now on the fake clock.</summary>
    public DeviceMessage Message(string deviceId, DeviceMessageType type = DeviceMessageType.Press, string? messageId = null) =>
        new(deviceId, messageId ?? Guid.NewGuid().ToString("N"), type, Time.GetUtcNow(), Time.GetUtcNow());

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
