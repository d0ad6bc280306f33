using System.Collections.Concurrent;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// The devices of the chaos run: call buttons pressed once each (so every press is exactly one
/// alert) and mattresses sending vitals steadily. A message counts as sent when the broker
/// acknowledged it (PUBACK); until then it is retried with the same id, across broker restarts. A
/// press is also sent again until the platform's end-to-end receipt arrives (devices/README.md).
/// </summary>
public sealed class ChaosFleet(string host, int port, IReadOnlyDictionary<string, string> passwords)
{
    public ConcurrentDictionary<string, DateTimeOffset> Presses { get; } = new();

    /// <summary>Message id → when the mattress measured it (its point's time in InfluxDB).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> VitalsSent { get; } = new();

    public int VitalsAttempts;

    /// <summary>Button → when the platform's receipt for its press arrived.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Receipts { get; } = new();

    /// <summary>Button → how often its press had to be sent again because no receipt came (the broker lost it, or the receipt).</summary>
    public ConcurrentDictionary<string, int> Resends { get; } = new();

    /// <summary>
    /// Presses the button once, as a real button does: sends the press until the broker takes it
    /// (then it counts as sent, from its first attempt), and again with the same id every
    /// <see cref="DeviceReceipt.ResendAfter"/> until the platform's receipt arrives.
    /// </summary>
    public async Task PressAsync(string button, CancellationToken cancellationToken)
    {
        var first = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid().ToString("N");
        for (var attempt = 0; ; attempt++)
        {
            var received = await RetryAsync(button, async client =>
            {
                await client.SubscribeReceiptsAsync(button);
                await client.SendAsync(button, MessageTypes.Press, id, p => p with { Ts = first });
                Presses.TryAdd(button, first);
                return await client.WaitForReceiptAsync(id, DeviceReceipt.ResendAfter);
            }, cancellationToken);
            if (received)
            {
                Receipts[button] = DateTimeOffset.UtcNow;
                return;
            }

            Resends.AddOrUpdate(button, 1, (_, n) => n + 1);
        }
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

    private async Task<T> RetryAsync<T>(string device, Func<DeviceSimulatorClient, Task<T>> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DeviceSimulatorClient? client = null;
            try
            {
                client = await ConnectAsync(device);
                return await send(client);
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
