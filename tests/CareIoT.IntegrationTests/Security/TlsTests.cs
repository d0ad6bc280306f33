using System.Net;
using MQTTnet;
using MQTTnet.Exceptions;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The network side of the deployment, on the real Mosquitto and a real server: devices reach the
/// broker over TLS only (password or client certificate), browsers reach the console over HTTPS,
/// both with certificates of the deployment's own CA; plain MQTT and HTTP stay on loopback.
/// </summary>
[Collection(HttpsHostCollection.Name)]
public sealed class TlsTests(HttpsHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PressFromADeviceOverTlsWithItsOwnPasswordReachesTheConsoleAndTheJournal()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        var password = host.Services.IssueCredentials(device)[device];
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await ConnectWithPasswordAsync(device, password);

        var (_, reason) = await button.PressAsync(device);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);

        Assert.Equal(MqttClientPublishReasonCode.Success, reason);
        Assert.Equal(DeploymentCa.Subject(host.Services.CaCertificatePath), button.BrokerIssuer);
        Assert.Equal(new SiteDto("Household", household), alert.Site);
        Assert.Equal("PersonalEmergency", alert.Cause);
        var history = await api.AlertHistoryAsync(alert.AlertId);
        Assert.Equal("Raised", Assert.Single(history!.Events).Kind);
    }

    [Fact]
    public async Task DevicePresentingAnotherDevicesCredentialsCannotPublishOnItsOwnTopic()
    {
        var (own, borrowed) = (NewDeviceId(), NewDeviceId());
        var passwords = host.Services.IssueCredentials(own, borrowed);
        await using var watcher = await TopicWatcher.StartAsync(host.Services, own, borrowed);
        await using var impostor = await ConnectWithPasswordAsync(borrowed, passwords[borrowed]);

        var (forged, _) = await impostor.PressAsync(own);
        // Then a message the borrowed identity may send, on the same connection: once it is
        // delivered, the forged one had its chance to be delivered before it.
        var (allowed, _) = await impostor.PressAsync(borrowed);

        Assert.True(await watcher.WaitForAsync(borrowed, allowed, Patience), "the allowed press was not delivered");
        Assert.DoesNotContain(watcher.Delivered(own), payload => payload.Contains(forged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeviceWithAClientCertificateConnectsAndIsRefusedOnceItIsRevoked()
    {
        var (device, other) = (NewDeviceId(), NewDeviceId());
        var pem = DevicePem.Read(host.Services.IssueDeviceCertificate(device));
        var otherPem = DevicePem.Read(host.Services.IssueDeviceCertificate(other));
        await using var watcher = await TopicWatcher.StartAsync(host.Services, device, other);
        await using var live = new TlsDevice(host.Services);
        Assert.Equal(MqttClientConnectResultCode.Success, (await live.ConnectWithCertificateAsync(pem)).ResultCode);
        var (before, _) = await live.PressAsync(device);
        Assert.True(await watcher.WaitForAsync(device, before, Patience), "the certificate's CN did not act as the device's username");

        host.Services.RevokeDeviceCertificate(device);

        var refused = await Eventually.TrueAsync(async () => !await CertificateConnectsAsync(pem), Patience);
        Assert.True(refused, "a new connection with the revoked certificate was still accepted");
        // The connection opened before the revocation may send nothing. (Since the client id is the
        // username, the probes above with the same certificate may already have replaced it.)
        string? after = null;
        try
        {
            (after, _) = await live.PressAsync(device);
        }
        catch (MQTTnet.Exceptions.MqttClientNotConnectedException)
        {
        }

        await using var control = new TlsDevice(host.Services);
        Assert.Equal(MqttClientConnectResultCode.Success, (await control.ConnectWithCertificateAsync(otherPem)).ResultCode);
        var (controlled, _) = await control.PressAsync(other);
        Assert.True(await watcher.WaitForAsync(other, controlled, Patience), "another device's certificate stopped working too");
        Assert.True(after is null || !watcher.Delivered(device).Any(payload => payload.Contains(after, StringComparison.Ordinal)),
            "the revoked device's open connection still delivered a press");
    }

    [Theory]
    [InlineData(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, false)]
    [InlineData(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, false)]
    [InlineData(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, true)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // CipherSuitesPolicy; the project runs on Linux only
    public async Task TheDeviceListenersOfferOnlyForwardSecretAeadSuitesOnTls12(System.Net.Security.TlsCipherSuite suite, bool accepted)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.Services.MqttsPort);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);

        var handshake = await Record.ExceptionAsync(() => tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12,
            CipherSuitesPolicy = new System.Net.Security.CipherSuitesPolicy([suite]),
        }));

        Assert.Equal(accepted, handshake is null);
    }

    [Fact]
    public async Task PlainMqttIsNotReachableOnTheMachinesNetworkAddresses()
    {
        var services = host.Services;

        Assert.NotEmpty(NetworkExposure.ListeningAddresses(services.MqttPort));
        Assert.All(NetworkExposure.ListeningAddresses(services.MqttPort), a => Assert.True(IPAddress.IsLoopback(a), $"1883 listens on {a}"));
        Assert.NotEmpty(NetworkExposure.ListeningAddresses(services.MqttPlatformPort));
        Assert.All(NetworkExposure.ListeningAddresses(services.MqttPlatformPort), a => Assert.True(IPAddress.IsLoopback(a), $"the platform listener listens on {a}"));
        Assert.Contains(NetworkExposure.ListeningAddresses(services.MqttsPort), IsEveryInterface);
        Assert.Contains(NetworkExposure.ListeningAddresses(services.MqttCertPort), IsEveryInterface);
        await AssertOnlyLoopbackAsync(services.MqttPort, reachable: services.MqttsPort);
        await AssertOnlyLoopbackAsync(services.MqttPlatformPort, reachable: services.MqttsPort);
    }

    [Fact]
    public async Task ConsoleAnswersOverHttpsWithACertificateOfOurCaWhilePlainHttpStaysOnLoopback()
    {
        string? issuer = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                issuer = certificate?.Issuer;
                return DeploymentCa.Validates(host.Services.CaCertificatePath, certificate, errors);
            },
        };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{host.HttpsPort}/") };

        using var health = await https.GetAsync("health");

        Assert.True(health.IsSuccessStatusCode, $"/health over HTTPS answered {health.StatusCode}");
        Assert.Equal(DeploymentCa.Subject(host.Services.CaCertificatePath), issuer);
        Assert.All(NetworkExposure.ListeningAddresses(host.Server.HttpPort), a => Assert.True(IPAddress.IsLoopback(a), $"plain HTTP listens on {a}"));
        Assert.Contains(NetworkExposure.ListeningAddresses(host.HttpsPort), IsEveryInterface);
        await AssertOnlyLoopbackAsync(host.Server.HttpPort, reachable: host.HttpsPort);
    }

    private static string NewDeviceId() => $"cb-{Guid.NewGuid():N}"[..20];

    private static bool IsEveryInterface(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>
    /// Nothing accepts <paramref name="port"/> on this machine's network addresses, while
    /// <paramref name="reachable"/> does on the same address (so the refusal is the listener's, not the route's).
    /// </summary>
    private async Task AssertOnlyLoopbackAsync(int port, int reachable)
    {
        var addresses = NetworkExposure.NonLoopbackIPv4();
        if (addresses.Count == 0)
        {
            output.WriteLine($"This machine has no non-loopback IPv4 address: port {port} was checked in the kernel's listening sockets only.");
        }

        foreach (var address in addresses)
        {
            Assert.False(await NetworkExposure.AcceptsAsync(address, port), $"{address}:{port} accepted a connection");
            Assert.True(await NetworkExposure.AcceptsAsync(address, reachable), $"{address}:{reachable} refused: the address is not reachable at all");
            output.WriteLine($"{address}:{port} refused, {address}:{reachable} accepted");
        }
    }

    private async Task<TlsDevice> ConnectWithPasswordAsync(string username, string password)
    {
        var device = new TlsDevice(host.Services);
        // The broker reloads its password file on SIGHUP; the first attempts may come before that.
        var connected = await Eventually.TrueAsync(
            async () => (await device.ConnectWithPasswordAsync(username, password)).ResultCode == MqttClientConnectResultCode.Success, Patience);
        return connected ? device : throw new TimeoutException($"{username} could not connect over TLS with its new password");
    }

    private async Task<bool> CertificateConnectsAsync(DevicePem pem)
    {
        await using var device = new TlsDevice(host.Services);
        try
        {
            return (await device.ConnectWithCertificateAsync(pem)).ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (MqttCommunicationException)
        {
            return false;
        }
    }
}
