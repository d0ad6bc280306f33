using CareIoT.DeviceProtocol;
using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CareIoT.Ingestion;

/// <summary>
/// Holds one long-lived MQTT connection for one <see cref="IngestLane"/> with a persistent session
/// (QoS 1 messages wait at the broker while we are away), reconnects on its own, and passes every
/// message of its lane to its own <see cref="IngestPipeline"/> with automatic acknowledgement off.
/// </summary>
public sealed class MqttIngestWorker(
    IngestLane lane,
    IngestPipeline pipeline,
    DeviceMessageRouter router,
    IOptions<MqttIngestOptions> options,
    TimeProvider time,
    ILogger<MqttIngestWorker> logger) : BackgroundService
{
    // A monitoring centre reconnects at once: two lanes per node knocking every 2 s cost the broker nothing.
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(2);

    private IMqttClient? _client;

    public IngestLane Lane => lane;

    /// <summary>Whether the connection to the broker is up (for the health check).</summary>
    public bool IsConnected => _client?.IsConnected ?? false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        pipeline.Start(stoppingToken, lane);
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Ingest lane {Lane} disconnected from MQTT broker {Host}:{Port}: {Reason}", lane, settings.Host, settings.Port, e.Reason);
            }

            return Task.CompletedTask;
        };

        try
        {
            await KeepConnectedAsync(client, settings, stoppingToken);
        }
        finally
        {
            await pipeline.StopAsync();
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
    }

    private async Task KeepConnectedAsync(IMqttClient client, MqttIngestOptions settings, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, settings, stoppingToken);
                    delay = TimeSpan.FromMilliseconds(200);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Ingest lane {Lane}: MQTT broker {Host}:{Port} unreachable ({Error}); retrying in {Delay}",
                    lane, settings.Host, settings.Port, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ConnectAsync(IMqttClient client, MqttIngestOptions settings, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(lane.ClientId(settings.ClientId))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(settings.SessionExpirySeconds)
            .WithReceiveMaximum(settings.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder = builder.WithCredentials(settings.Username, settings.Password);
        }

        var connected = await client.ConnectAsync(builder.Build(), cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the ingest client: {connected.ResultCode} {connected.ReasonString}");
        }

        var (wanted, retired) = lane.Filters(settings.SharedGroup);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var f in wanted)
        {
            subscribe = subscribe.WithTopicFilter(t => t.WithTopic(f).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        if (connected.IsSessionPresent && retired.Length > 0)
        {
            // A kept session keeps its old subscriptions too: drop the forms we no longer use, or
            // messages would arrive twice (once shared, once not) or in the wrong lane.
            var unsubscribe = new MqttClientUnsubscribeOptionsBuilder();
            foreach (var f in retired)
            {
                unsubscribe = unsubscribe.WithTopicFilter(f);
            }

            await client.UnsubscribeAsync(unsubscribe.Build(), cancellationToken);
        }

        var filter = string.Join(", ", wanted);
        logger.LogInformation("Ingest lane {Lane} connected to MQTT broker {Host}:{Port} as {ClientId} (session present: {SessionPresent}), subscribed to {Filter}",
            lane, settings.Host, settings.Port, lane.ClientId(settings.ClientId), connected.IsSessionPresent, filter);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        if (!lane.Handles(e.ApplicationMessage.Topic))
        {
            return; // acknowledged automatically: another lane of this node carries it
        }

        e.AutoAcknowledge = false;
        var payload = e.ApplicationMessage.Payload;
        var size = payload.Length > int.MaxValue ? int.MaxValue : (int)payload.Length;
        // Keep one byte more than the limit: enough evidence for the dead letter, bounded memory.
        var kept = payload.Slice(0, Math.Min(payload.Length, router.KeepBytes(e.ApplicationMessage.Topic))).ToArray();
        Func<string, string, Task>? receipt = IsDeviceEvent(e.ApplicationMessage.Topic) ? SendReceiptAsync : null;
        var inbound = new InboundMessage(e.ApplicationMessage.Topic, kept, size, time.GetUtcNow(), e.AcknowledgeAsync, receipt);
        await pipeline.EnqueueAsync(inbound, stoppingToken);
    }

    private static bool IsDeviceEvent(string topic) =>
        DeviceTopics.TryParse(topic, out _, out var channel) && channel == DeviceChannels.Events;

    /// <summary>QoS 0: a receipt lost on the way costs one resend by the device, which is answered again.</summary>
    private async Task SendReceiptAsync(string deviceId, string messageId)
    {
        if (_client is { IsConnected: true } client)
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(DeviceTopics.Receipts(deviceId))
                .WithPayload(new DeviceReceipt(messageId).Serialize())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
                .Build());
        }
    }
}
