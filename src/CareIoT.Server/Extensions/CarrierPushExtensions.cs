using CareIoT.CarrierPush;
using CareIoT.Postgres;

namespace CareIoT.Server.Extensions;

public static class CarrierPushExtensions
{
    /// <summary>
    /// The receivers of the carriers' IoT platforms (OneNET, CTWing) for NB-IoT devices. The product file is
    /// read and checked here, at start: a mistake in it stops the host with the JSON path of the problem.
    /// </summary>
    public static void AddCareIotCarrierPush(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CarrierPushOptions.Section);
        var settings = section.Get<CarrierPushOptions>() ?? new CarrierPushOptions();
        var products = CarrierProductMap.Load(Path.Combine(AppContext.BaseDirectory, settings.ProductFile));
        builder.Services.Configure<CarrierPushOptions>(section);
        builder.Services.AddSingleton(products);
        builder.Services.AddSingleton<CarrierPushStats>();
        builder.Services.AddSingleton<PostgresCarrierDevices>();
        builder.Services.AddSingleton<ICarrierDevices, RegistryCarrierDevices>();
        builder.Services.AddSingleton<CarrierDeviceDirectory>();
        builder.Services.AddSingleton<PostgresCarrierInbox>();
        builder.Services.AddSingleton<ICarrierInbox, RegistryCarrierInbox>();
        builder.Services.AddSingleton(_ => new RecentPushIds(settings.RememberedIds));
        builder.Services.AddSingleton<CarrierPushQueue>();
        builder.Services.AddSingleton<CarrierDeadLetters>();
        builder.Services.AddSingleton<CarrierReportProcessor>();
        builder.Services.AddSingleton<CarrierPushIntake>();
        builder.Services.AddHostedService<CarrierPushWorker>();
        foreach (var (name, platform) in new[] { ("OneNet", settings.OneNet), ("Ctwing", settings.Ctwing) })
        {
            if (!platform.VerifySignatures)
            {
                Serilog.Log.Warning("CarrierPush:{Platform}: signature verification is OFF; unsigned pushes are accepted (test platforms only)", name);
            }
            else if (string.IsNullOrEmpty(platform.Token))
            {
                Serilog.Log.Information("CarrierPush:{Platform}:Token is not set; every push from it is refused with 401", name);
            }
        }
    }

    /// <summary>The registry's bindings in the receiver's terms.</summary>
    private sealed class RegistryCarrierDevices(PostgresCarrierDevices registry) : ICarrierDevices
    {
        public async Task<IReadOnlyList<CarrierDevice>> ListAsync(CancellationToken cancellationToken)
        {
            var rows = await registry.ListAsync(cancellationToken);
            return [.. rows.Select(r => CarrierPlatforms.TryParse(r.Platform, out var platform)
                ? new CarrierDevice(platform, r.PlatformDeviceId, r.Imei, r.Product, r.DeviceId)
                : null).OfType<CarrierDevice>()];
        }
    }

    /// <summary>The PostgreSQL inbox in the receiver's terms.</summary>
    private sealed class RegistryCarrierInbox(PostgresCarrierInbox store) : ICarrierInbox
    {
        public Task<long> AddAsync(CarrierPlatform platform, string origin, DateTimeOffset receivedAt, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
            store.AddAsync(platform.Name(), origin, receivedAt, body, cancellationToken);

        public Task RemoveAsync(long id, CancellationToken cancellationToken) => store.RemoveAsync(id, cancellationToken);

        public async Task<IReadOnlyList<CarrierInboxEntry>> ReceivedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
        {
            var rows = await store.ReceivedBeforeAsync(before, limit, cancellationToken);
            return [.. rows.Select(r => CarrierPlatforms.TryParse(r.Platform, out var platform)
                ? new CarrierInboxEntry(r.Id, platform, r.Origin, r.ReceivedAt, r.Body)
                : null).OfType<CarrierInboxEntry>()];
        }
    }
}
