using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CareIoT.DeviceProtocol;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// Measures press → console: registers one household per press, connects to the dispatch hub as
/// a console does, presses each button in turn and times from the broker's PUBACK to the pushed
/// alert. Prints the distribution; asserts nothing.
/// </summary>
public sealed class LatencyProbe(BrokerAddress broker, Uri server, int presses, IReadOnlyDictionary<string, string> passwords, ApiLogin login)
{
    /// <summary>The call buttons the probe uses, so their broker credentials can be issued first.</summary>
    public static string DeviceId(int index) => $"probe-cb-{index:D4}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var registrar = new FleetRegistrar(server, login);
        await registrar.SignInAsync(cancellationToken);
        var pushes = Channel.CreateUnbounded<(string DeviceId, long At)>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/dispatch"), o => o.Cookies = registrar.Cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        hub.On<JsonElement, long>("AlertChanged", (alert, _) =>
            pushes.Writer.TryWrite((alert.GetProperty("deviceId").GetString()!, Stopwatch.GetTimestamp())));
        await hub.StartAsync(cancellationToken);

        var samples = new List<double>();
        for (var i = 0; i < presses; i++)
        {
            var deviceId = DeviceId(i);
            await registrar.RegisterAsync($"probe-hh-{i:D4}", deviceId, i, cancellationToken);
            await using var button = new SimulatedDevice(deviceId, broker, passwords.GetValueOrDefault(deviceId));
            await button.ConnectAsync(cancellationToken);
            await button.SendAsync(MessageTypes.Press, cancellationToken);
            var sent = Stopwatch.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            while (true)
            {
                var (pushed, at) = await pushes.Reader.ReadAsync(timeout.Token);
                if (pushed == deviceId)
                {
                    samples.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                    break;
                }
            }
        }

        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        Console.WriteLine($"press -> console over {samples.Count} presses (PUBACK to SignalR push, ms): " +
            $"min {samples[0]:F1}  p50 {Percentile(0.50):F1}  p95 {Percentile(0.95):F1}  p99 {Percentile(0.99):F1}  max {samples[^1]:F1}");
    }
}
