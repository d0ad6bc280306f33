using System.Collections.Concurrent;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// The devices of the chaos run: call buttons pressed once each (so every press is exactly one
/// alert) and mattresses sending vitals steadily. A message counts as sent when the broker
/// acknowledged it (PUBACK); until then it is retried with the same id, across broker restarts.
/// </summary>
public sealed class ChaosFleet(string host, int port, IReadOnlyDictionary<string, string> passwords)
{
    public ConcurrentDictionary<string, DateTimeOffset> Presses { get; } = new();

    /// <summary>Message id → when the mattress measured it (its point's time in InfluxDB).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> VitalsSent { get; } = new();

    public int VitalsAttempts;

    /// <summary>Presses the button once; returns when the broker took it. The press counts from its first attempt.</summary>
    public async Task PressAsync(string button, CancellationToken cancellationToken)
    {
        var first = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid().ToString("N");
        await RetryAsync(button, client => client.SendAsync(button, MessageTypes.Press, id, p => p with { Ts = first }), cancellationToken);
        Presses[button] = first;
    }

    /// <summary>Sends vitals from the mattress every <paramref name="every"/> until cancelled.</summary>
    public async Task RunMattressAsync(string mattress, TimeSpan every, CancellationToken cancellationToken)
    {
        DeviceSimulatorClient? client = null;
        using var timer = new PeriodicTimer(every);
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var id = $"{mattress}-{n++}";
                var at = DateTimeOffset.UtcNow;
                while (!cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        client ??= await ConnectAsync(mattress);
                        Interlocked.Increment(ref VitalsAttempts);
                        await client.SendAsync(mattress, MessageTypes.Vitals, id, p => p with { Ts = at, Presence = true, HeartRate = 60 + (n % 20), RespirationRate = 14, Movement = 1 });
                        VitalsSent[id] = at;
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        await DropAsync(client);
                        client = null;
                        await Task.Delay(200, cancellationToken);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await DropAsync(client);
        }
    }

    private async Task RetryAsync(string device, Func<DeviceSimulatorClient, Task> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DeviceSimulatorClient? client = null;
            try
            {
                client = await ConnectAsync(device);
                await send(client);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await Task.Delay(200, cancellationToken);
            }
            finally
            {
                await DropAsync(client);
            }
        }
    }

    private async Task<DeviceSimulatorClient> ConnectAsync(string device)
    {
        var client = new DeviceSimulatorClient(host, port, device, passwords[device]);
        try
        {
            await client.ConnectOrThrowAsync();
            return client;
        }
        catch
        {
            await DropAsync(client);
            throw;
        }
    }

    private static async Task DropAsync(DeviceSimulatorClient? client)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            await client.DisposeAsync();
        }
        catch (Exception)
        {
            // A client whose broker went away cannot say goodbye; it is discarded either way.
        }
    }
}
