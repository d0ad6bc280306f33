namespace CareIoT.DeviceSimulator;

/// <summary>
/// A fleet of households, one call button each: every button sends heartbeats, and now and then
/// one of them is pressed. Ends when cancelled or after the given duration.
/// </summary>
public sealed class Fleet(BrokerAddress broker, int households, string prefix, TimeSpan pressEvery, TimeSpan heartbeatEvery)
{
    public async Task RunAsync(Uri? registerAt, TimeSpan? duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        var devices = new List<SimulatedDevice>();
        using var registrar = registerAt is null ? null : new FleetRegistrar(registerAt);
        for (var i = 0; i < households; i++)
        {
            var device = new SimulatedDevice($"{prefix}-cb-{i:D4}", broker);
            if (registrar is not null)
            {
                await registrar.RegisterAsync($"{prefix}-hh-{i:D4}", device.DeviceId, i, stop.Token);
            }

            await device.ConnectAsync(stop.Token);
            devices.Add(device);
        }

        Console.WriteLine($"fleet: {devices.Count} call buttons connected to {broker}; a press every {pressEvery}, heartbeats every {heartbeatEvery}");
        try
        {
            await Task.WhenAll(PressLoopAsync(devices, stop.Token), HeartbeatLoopAsync(devices, stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("fleet: stopped");
        }
        finally
        {
            foreach (var device in devices)
            {
                await device.DisposeAsync();
            }
        }
    }

    private async Task PressLoopAsync(List<SimulatedDevice> devices, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(pressEvery);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var device = devices[Random.Shared.Next(devices.Count)];
            var id = await device.SendAsync(DeviceProtocol.EventTypes.Press, cancellationToken);
            Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} press  {device.DeviceId} message {id}");
        }
    }

    private async Task HeartbeatLoopAsync(List<SimulatedDevice> devices, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(heartbeatEvery);
        do
        {
            foreach (var device in devices)
            {
                await device.SendAsync(DeviceProtocol.EventTypes.Heartbeat, cancellationToken);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
