using System.Net;
using System.Security.Cryptography.X509Certificates;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A device on the network side of the broker: MQTT over TLS to 127.0.0.1, checking the broker's
/// certificate for this machine's host name against the deployment's CA only. It logs in with a
/// password or with a client certificate.
/// </summary>
public sealed class TlsDevice(ServicesFixture services) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private X509Certificate2? _certificate;

    /// <summary>The issuer of the broker certificate this device accepted.</summary>
    public string? BrokerIssuer { get; private set; }

    /// <summary>Connects to the password listener; MQTTnet reports a refused CONNECT in the result code.</summary>
    public Task<MqttClientConnectResult> ConnectWithPasswordAsync(string username, string password) =>
        ConnectAsync(Options(services.MqttsPort).WithCredentials(username, password));

    /// <summary>
    /// Connects to the certificate port with a client certificate and its key (PEM text, as the device
    /// holds them) and, as the device contract asks, its id (the certificate's CN) as username, no
    /// password; <paramref name="username"/> overrides that (null: no username at all).
    /// </summary>
    public Task<MqttClientConnectResult> ConnectWithCertificateAsync(DevicePem pem, string? username = "")
    {
        _certificate = X509Certificate2.CreateFromPem(pem.Certificate, pem.Key);
        var options = Options(services.MqttCertPort);
        var name = username == "" ? _certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) : username;
        return ConnectAsync(name is null ? options : options.WithCredentials(name, (string?)null));
    }

    /// <summary>Publishes a v1 press for <paramref name="deviceId"/> at QoS 1; returns its message id and the broker's answer.</summary>
    public async Task<(string MessageId, MqttClientPublishReasonCode Reason)> PressAsync(string deviceId)
    {
        var payload = new DevicePayload { Id = Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = MessageTypes.Press };
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(deviceId, MessageTypes.Press))
            .WithPayload(DevicePayloadJson.Serialize(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        return (payload.Id, result.ReasonCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _certificate?.Dispose();
    }

    private MqttClientOptionsBuilder Options(int port) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithClientId($"it-tls-{Guid.NewGuid():N}")
        .WithCleanSession(true)
        .WithTimeout(TimeSpan.FromSeconds(5));

    private async Task<MqttClientConnectResult> ConnectAsync(MqttClientOptionsBuilder options)
    {
        options = options.WithTlsOptions(tls =>
        {
            // The name a device in the field uses; 127.0.0.1 only keeps the test independent of DNS.
            tls.UseTls().WithTargetHost(Dns.GetHostName()).WithCertificateValidationHandler(e =>
            {
                var valid = DeploymentCa.Validates(services.CaCertificatePath, e.Certificate, e.SslPolicyErrors);
                BrokerIssuer = valid ? e.Certificate.Issuer : null;
                return valid;
            });
            if (_certificate is not null)
            {
                tls.WithClientCertificates([_certificate]);
            }
        });
        return await _client.ConnectAsync(options.Build());
    }
}

/// <summary>A device's certificate and private key as PEM text: the device's own copy.</summary>
public sealed record DevicePem(string Certificate, string Key)
{
    public static DevicePem Read((string KeyFile, string CertificateFile) files) =>
        new(File.ReadAllText(files.CertificateFile), File.ReadAllText(files.KeyFile));
}
