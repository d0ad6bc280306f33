using CareIoT.Dc09;
using CareIoT.DeviceProtocol;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// A fleet: households with a call button and a smoke alarm, beds with a mattress, and homes whose
/// SOS button and smoke detector speak Zigbee through a Zigbee2MQTT gateway. Every device sends
/// heartbeats (a few with a flat battery); mattresses send vitals and now and then a bed exit and
/// return; now and then a call button is pressed (sometimes cancelled) or a smoke alarm sounds and clears.
/// Homes with a home-alarm panel speak DC-09 to the server's receiver: link tests, and now and then a
/// fire or medical alarm followed by its restore. Homes with an NB-IoT smoke alarm are pushed for by their
/// carrier's platform (OneNET or CTWing, simulated): heartbeats, and now and then smoke followed by its clear.
/// </summary>
public sealed class Fleet(BrokerAddress broker, FleetOptions options, IReadOnlyDictionary<string, string> passwords, ApiLogin login)
{
    private readonly List<SimulatedDevice> _buttons = [];
    private readonly List<SimulatedDevice> _smokeAlarms = [];
    private readonly List<SimulatedDevice> _mattresses = [];
    private readonly List<(ZigbeeHome Home, SimulatedGateway Gateway)> _zigbee = [];
    private readonly List<SimulatedPanel> _panels = [];
    private readonly List<SimulatedNbIotAlarm> _nbiot = [];
    private readonly HttpClient _push = new();

    public async Task RunAsync(Uri? registerAt, TimeSpan? duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        try
        {
            await ConnectAllAsync(registerAt, stop.Token);
            Console.WriteLine($"fleet: {_buttons.Count} households, {_mattresses.Count} beds, {_zigbee.Count} Zigbee homes connected to {broker}; " +
                $"{_panels.Count} alarm panels dialling {PanelHost(registerAt)}:{options.PanelPort}; {_nbiot.Count} NB-IoT alarms pushed through their platforms");
            await Task.WhenAll([
                PressLoopAsync(stop.Token), SmokeLoopAsync(stop.Token), VitalsLoopAsync(stop.Token),
                HeartbeatLoopAsync(stop.Token), ZigbeeLoopAsync(stop.Token), PanelAlarmLoopAsync(stop.Token), NbIotLoopAsync(stop.Token),
                .. _panels.Select(panel => panel.RunAsync(stop.Token))]);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("fleet: stopped");
        }
        finally
        {
            foreach (var device in AllDevices)
            {
                await device.DisposeAsync();
            }

            foreach (var (_, gateway) in _zigbee)
            {
                await gateway.DisposeAsync();
            }

            foreach (var panel in _panels)
            {
                await panel.DisposeAsync();
            }

            _push.Dispose();
        }
    }

    private IEnumerable<SimulatedDevice> AllDevices => _buttons.Concat(_smokeAlarms).Concat(_mattresses);

    private async Task ConnectAllAsync(Uri? registerAt, CancellationToken cancellationToken)
    {
        using var registrar = registerAt is null ? null : new FleetRegistrar(registerAt, login);
        var buttons = options.CallButtons.ToList();
        var alarms = options.SmokeAlarms.ToList();
        for (var i = 0; i < options.Households; i++)
        {
            var household = $"{options.Prefix}-hh-{i:D4}";
            if (registrar is not null)
            {
                await registrar.RegisterHouseholdAsync(household, i, cancellationToken);
                await registrar.RegisterDeviceAsync(buttons[i], "CallButton", household, null, cancellationToken);
                await registrar.RegisterDeviceAsync(alarms[i], "SmokeAlarm", household, null, cancellationToken);
            }

            _buttons.Add(await ConnectAsync(buttons[i], cancellationToken));
            _smokeAlarms.Add(await ConnectAsync(alarms[i], cancellationToken));
        }

        var mattresses = options.Mattresses.ToList();
        for (var i = 0; i < options.Beds; i++)
        {
            var bed = $"{options.Prefix}-bed-{i:D4}";
            if (registrar is not null)
            {
                await registrar.RegisterBedAsync(bed, i, cancellationToken);
                await registrar.RegisterDeviceAsync(mattresses[i], "Mattress", null, bed, cancellationToken);
            }

            _mattresses.Add(await ConnectAsync(mattresses[i], cancellationToken));
        }

        foreach (var (home, index) in options.ZigbeeHomes.Select((h, i) => (h, i)))
        {
            if (registrar is not null)
            {
                await registrar.RegisterHouseholdAsync(home.HouseholdId, options.Households + index, cancellationToken);
                await registrar.RegisterDeviceAsync(home.SosButton, "CallButton", home.HouseholdId, null, cancellationToken, home.GatewayId, ZigbeeHome.SosModel);
                await registrar.RegisterDeviceAsync(home.SmokeDetector, "SmokeAlarm", home.HouseholdId, null, cancellationToken, home.GatewayId, ZigbeeHome.SmokeModel);
            }

            var gateway = new SimulatedGateway(home.GatewayId, broker, passwords.GetValueOrDefault(home.GatewayId));
            await gateway.ConnectAsync(cancellationToken);
            await gateway.AvailableAsync(home.SosButton, online: true, cancellationToken);
            await gateway.AvailableAsync(home.SmokeDetector, online: true, cancellationToken);
            _zigbee.Add((home, gateway));
        }

        foreach (var (home, index) in options.PanelHomes.Select((h, i) => (h, i)))
        {
            var encrypted = home.Encrypted;
            if (registrar is not null)
            {
                await registrar.RegisterHouseholdAsync(home.HouseholdId, options.Households + options.ZigbeeHouseholds + index, cancellationToken);
                encrypted = await registrar.BindPanelAsync(home, cancellationToken);
            }

            _panels.Add(new SimulatedPanel(home.Account, encrypted ? Dc09AccountKey.FromHex(home.Key) : null,
                PanelHost(registerAt), options.PanelPort, options.PanelLinkTestEvery));
        }

        // The platforms push to the server, so the fleet needs it (and the secrets the server was given).
        if (registrar is not null && registerAt is not null)
        {
            _push.BaseAddress ??= registerAt;
            foreach (var (home, index) in options.NbIotHomes.Select((h, i) => (h, i)))
            {
                var token = home.Platform == "onenet" ? options.OneNetToken : options.CtwingToken;
                if (string.IsNullOrEmpty(token))
                {
                    continue;
                }

                await registrar.RegisterHouseholdAsync(home.HouseholdId, options.Households + options.ZigbeeHouseholds + options.Panels + index, cancellationToken);
                await registrar.BindNbIotAsync(home, cancellationToken);
                _nbiot.Add(new SimulatedNbIotAlarm(_push, home.Platform, home.Imei, home.PlatformDeviceId, token));
            }
        }
    }

    // The receiver is part of the server, so it is found on the server's host.
    private static string PanelHost(Uri? server) => server?.DnsSafeHost ?? "127.0.0.1";

    private async Task<SimulatedDevice> ConnectAsync(string deviceId, CancellationToken cancellationToken)
    {
        var device = new SimulatedDevice(deviceId, broker, passwords.GetValueOrDefault(deviceId));
        await device.ConnectAsync(cancellationToken);
        return device;
    }

    private async Task PressLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.PressEvery);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (_zigbee.Count > 0 && (_buttons.Count == 0 || Random.Shared.Next(4) == 0))
            {
                var (home, gateway) = _zigbee[Random.Shared.Next(_zigbee.Count)];
                await gateway.StateAsync(home.SosButton, new { action = "emergency", battery = 95, linkquality = Random.Shared.Next(60, 200) }, cancellationToken);
                Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} zigbee sos  {home.SosButton} via {home.GatewayId}");
                continue;
            }

            if (_buttons.Count == 0)
            {
                continue;
            }

            var button = _buttons[Random.Shared.Next(_buttons.Count)];
            Log(button, await button.SendAsync(MessageTypes.Press, cancellationToken), MessageTypes.Press);
            if (Random.Shared.Next(5) == 0)
            {
                // Pressed by mistake: the resident presses cancel.
                Log(button, await button.SendAsync(MessageTypes.Cancel, cancellationToken), MessageTypes.Cancel);
            }
        }
    }

    private async Task SmokeLoopAsync(CancellationToken cancellationToken)
    {
        if (options.SmokeEvery is not { } every || (_smokeAlarms.Count == 0 && _zigbee.Count == 0))
        {
            return;
        }

        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (_zigbee.Count > 0 && (_smokeAlarms.Count == 0 || Random.Shared.Next(4) == 0))
            {
                var (home, gateway) = _zigbee[Random.Shared.Next(_zigbee.Count)];
                await gateway.StateAsync(home.SmokeDetector, SmokeState(smoke: true), cancellationToken);
                Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} zigbee smoke {home.SmokeDetector} via {home.GatewayId}");
                await gateway.StateAsync(home.SmokeDetector, SmokeState(smoke: false), cancellationToken);
                continue;
            }

            var alarm = _smokeAlarms[Random.Shared.Next(_smokeAlarms.Count)];
            Log(alarm, await alarm.SendAsync(MessageTypes.SmokeAlarm, cancellationToken), MessageTypes.SmokeAlarm);
            Log(alarm, await alarm.SendAsync(MessageTypes.SmokeClear, cancellationToken), MessageTypes.SmokeClear);
        }
    }

    /// <summary>An NB-IoT alarm's day, compressed: a heartbeat every heartbeat period, smoke now and then and its clear after half the period.</summary>
    private async Task NbIotLoopAsync(CancellationToken cancellationToken)
    {
        if (_nbiot.Count == 0)
        {
            return;
        }

        var every = options.NbIotAlarmEvery ?? TimeSpan.FromMinutes(3);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Min(every.TotalSeconds, options.HeartbeatEvery.TotalSeconds)));
        var nextAlarm = DateTimeOffset.UtcNow + every;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                foreach (var alarm in _nbiot)
                {
                    await alarm.HeartbeatAsync(cancellationToken);
                }

                if (DateTimeOffset.UtcNow >= nextAlarm)
                {
                    nextAlarm = DateTimeOffset.UtcNow + every;
                    var alarm = _nbiot[Random.Shared.Next(_nbiot.Count)];
                    Console.WriteLine($"nbiot: smoke at {alarm.DeviceId} ({(alarm.OnOneNet ? "OneNET" : "CTWing")}): {await alarm.SmokeAsync(1, cancellationToken)}");
                    await Task.Delay(every / 2, cancellationToken);
                    await alarm.SmokeAsync(0, cancellationToken);
                }
            }
            catch (HttpRequestException ex)
            {
                Console.WriteLine($"nbiot: push failed ({ex.Message}); the platform would push again");
            }
        }
    }

    private async Task PanelAlarmLoopAsync(CancellationToken cancellationToken)
    {
        if (options.PanelAlarmEvery is not { } every || _panels.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var panel = _panels[Random.Shared.Next(_panels.Count)];
            var code = Random.Shared.Next(2) == 0 ? SimulatedPanel.Fire : SimulatedPanel.Medical;
            await panel.SendEventAsync(ContactIdEvent.NewEvent, code, cancellationToken);
            // The detector clears, or the resident is helped, well before the next alarm.
            await Task.Delay(every / 2, cancellationToken);
            await panel.SendEventAsync(ContactIdEvent.Restore, code, cancellationToken);
        }
    }

    private async Task VitalsLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.VitalsEvery);
        var outOfBed = new HashSet<string>();
        while (_mattresses.Count > 0 && await timer.WaitForNextTickAsync(cancellationToken))
        {
            for (var bed = 0; bed < _mattresses.Count; bed++)
            {
                var mattress = _mattresses[bed];
                if (outOfBed.Remove(mattress.DeviceId))
                {
                    await mattress.SendAsync(MessageTypes.BedReturn, cancellationToken);
                }
                else if (Random.Shared.Next(50) == 0)
                {
                    outOfBed.Add(mattress.DeviceId);
                    Log(mattress, await mattress.SendAsync(MessageTypes.BedExit, cancellationToken), MessageTypes.BedExit);
                    continue;
                }

                await mattress.SendAsync(MessageTypes.Vitals, cancellationToken, p => p with
                {
                    Presence = true,
                    HeartRate = SimulatedResidents.HeartRateNow(bed),
                    RespirationRate = SimulatedResidents.RespirationNow(bed),
                    Movement = Random.Shared.Next(20) == 0 ? Random.Shared.Next(10, 30) : Random.Shared.Next(0, 3),
                });
            }
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatEvery);
        do
        {
            foreach (var device in AllDevices)
            {
                // About one device in fifty has a battery that needs changing.
                var battery = StableHash(device.DeviceId) % 50 == 0 ? 15 : Random.Shared.Next(60, 100);
                await device.SendAsync(MessageTypes.Heartbeat, cancellationToken, p => p with
                {
                    Battery = battery, Rssi = Random.Shared.Next(-90, -50), Firmware = "1.4.2",
                });
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task ZigbeeLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatEvery);
        do
        {
            foreach (var (home, gateway) in _zigbee)
            {
                await gateway.StateAsync(home.SmokeDetector, SmokeState(smoke: false), cancellationToken);
            }
        }
        while (_zigbee.Count > 0 && await timer.WaitForNextTickAsync(cancellationToken));
    }

    private static object SmokeState(bool smoke) => new
    {
        smoke, battery = 90, battery_low = false, tamper = false, test = false, trouble = false, linkquality = Random.Shared.Next(60, 200),
    };

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & int.MaxValue;

    private static void Log(SimulatedDevice device, string messageId, string type) =>
        Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} {type,-12} {device.DeviceId} message {messageId}");
}
