using CareIoT.Contracts;
using CareIoT.Dc09;
using CareIoT.PanelReceiver;
using CareIoT.Postgres;

namespace CareIoT.Server.Extensions;

public static class PanelReceiverExtensions
{
    /// <summary>The DC-09 receiver for home-alarm panels. Registered after the silo, so it listens only once grains can be called.</summary>
    public static void AddCareIotPanelReceiver(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PanelReceiverOptions.Section);
        var settings = section.Get<PanelReceiverOptions>() ?? new PanelReceiverOptions();
        builder.Services.Configure<PanelReceiverOptions>(section);
        builder.Services.AddSingleton<PanelReceiverStats>();
        builder.Services.AddSingleton<PanelListenerStatus>();
        builder.Services.AddSingleton<PostgresPanelAccounts>();
        builder.Services.AddSingleton<IPanelAccounts>(sp => sp.GetRequiredService<PostgresPanelAccounts>());
        builder.Services.AddSingleton<PanelAccountDirectory>();
        builder.Services.AddSingleton(sp => PanelEventMap.Load(Path.Combine(AppContext.BaseDirectory, settings.EventMap)));
        builder.Services.AddSingleton(_ => new Dc09FrameParser(settings.MaxFrameBytes));
        builder.Services.AddSingleton(_ => new Dc09FrameEncoder());
        builder.Services.AddSingleton(sp => new Dc09Responder(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Dc09FrameEncoder>(),
            sp.GetRequiredService<PanelAccountDirectory>().IsKnown, new Dc09TimeWindow(settings.MaxBehind, settings.MaxAhead)));
        builder.Services.AddSingleton(sp => new DuplicateSequenceFilter(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<PanelDeadLetters>();
        builder.Services.AddSingleton<PlainPanelNetworks>();
        builder.Services.AddSingleton<PanelFrameHandler>();
        builder.Services.AddHostedService<PanelAccountRefresher>();
        if (!settings.Enabled)
        {
            return;
        }

        builder.Services.AddSingleton<Dc09TcpListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Dc09TcpListener>());
        if (settings.Udp)
        {
            builder.Services.AddSingleton<Dc09UdpListener>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Dc09UdpListener>());
        }
    }

}
