using CareIoT.DeviceProtocol;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// A fleet: households with a call button and a smoke alarm, beds with a mattress. Every device
/// sends heartbeats; mattresses send vitals and now and then a bed exit and return; now and then a
/// call button is pressed (and sometimes cancelled) or a smoke alarm sounds and clears.
/// </summary>
public sealed class Fleet(BrokerAddress broker, FleetOptions options, IReadOnlyDictionary<string, string> passwords)
{
    private readonly List<SimulatedDevice> _buttons = [];
    private readonly List<SimulatedDevice> _smokeAlarms = [];
    private readonly List<SimulatedDevice> _mattresses = [];

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
            Console.WriteLine($"fleet: {_buttons.Count} households, {_mattresses.Count} beds connected to {broker}");
            await Task.WhenAll(PressLoopAsync(stop.Token), SmokeLoopAsync(stop.Token), VitalsLoopAsync(stop.Token), HeartbeatLoopAsync(stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("fleet: stopped");
        }
        finally
        {
            foreach (var device in _buttons.Concat(_smokeAlarms).Concat(_mattresses))
            {
                await device.DisposeAsync();
            }
        }
    }

    private async Task ConnectAllAsync(Uri? registerAt, CancellationToken cancellationToken)
    {
        using var registrar = registerAt is null ? null : new FleetRegistrar(registerAt);
        for (var i = 0; i < options.Households; i++)
        {
            var household = $"{options.Prefix}-hh-{i:D4}";
            if (registrar is not null)
            {
                await registrar.RegisterHouseholdAsync(household, i, cancellationToken);
                await registrar.RegisterDeviceAsync($"{options.Prefix}-cb-{i:D4}", "CallButton", household, null, cancellationToken);
                await registrar.RegisterDeviceAsync($"{options.Prefix}-sa-{i:D4}", "SmokeAlarm", household, null, cancellationToken);
            }

            _buttons.Add(await ConnectAsync($"{options.Prefix}-cb-{i:D4}", cancellationToken));
            _smokeAlarms.Add(await ConnectAsync($"{options.Prefix}-sa-{i:D4}", cancellationToken));
        }

        for (var i = 0; i < options.Beds; i++)
        {
            var bed = $"{options.Prefix}-bed-{i:D4}";
            if (registrar is not null)
            {
                await registrar.RegisterBedAsync(bed, i, cancellationToken);
                await registrar.RegisterDeviceAsync($"{options.Prefix}-mt-{i:D4}", "Mattress", null, bed, cancellationToken);
            }

            _mattresses.Add(await ConnectAsync($"{options.Prefix}-mt-{i:D4}", cancellationToken));
        }
    }

    private async Task<SimulatedDevice> ConnectAsync(string deviceId, CancellationToken cancellationToken)
    {
        var device = new SimulatedDevice(deviceId, broker, passwords.GetValueOrDefault(deviceId));
        await device.ConnectAsync(cancellationToken);
        return device;
    }

    private async Task PressLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.PressEvery);
        while (_buttons.Count > 0 && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var button = _buttons[Random.Shared.Next(_buttons.Count)];
            Log(button, await button.SendAsync(MessageTypes.Press, cancellationToken), MessageTypes.Press);
        }
    }

    private async Task SmokeLoopAsync(CancellationToken cancellationToken)
    {
        if (options.SmokeEvery is not { } every || _smokeAlarms.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var alarm = _smokeAlarms[Random.Shared.Next(_smokeAlarms.Count)];
            Log(alarm, await alarm.SendAsync(MessageTypes.SmokeAlarm, cancellationToken), MessageTypes.SmokeAlarm);
        }
    }

    private async Task VitalsLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.VitalsEvery);
        while (_mattresses.Count > 0 && await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var mattress in _mattresses)
            {
                await mattress.SendAsync(MessageTypes.Vitals, cancellationToken, p => p with
                {
                    Presence = true,
                    HeartRate = Random.Shared.Next(55, 90),
                    RespirationRate = Random.Shared.Next(12, 20),
                    Movement = Random.Shared.Next(0, 30),
                });
            }
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatEvery);
        do
        {
            foreach (var device in _buttons.Concat(_smokeAlarms).Concat(_mattresses))
            {
                await device.SendAsync(MessageTypes.Heartbeat, cancellationToken, p => p with
                {
                    Battery = Random.Shared.Next(60, 100), Rssi = Random.Shared.Next(-90, -50), Firmware = "1.4.2",
                });
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private static void Log(SimulatedDevice device, string messageId, string type) =>
        Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} {type,-12} {device.DeviceId} message {messageId}");
}
