using CareIoT.Contracts;

namespace CareIoT.Server.Api;

/// <summary>A device being fitted: its serial (also its id unless one is given), kind, where, and what it is.</summary>
public sealed record FitDeviceRequest(string Serial, DeviceKind Kind, string? HouseholdId, string? BedId, string? DeviceId = null, string? Vendor = null, string? Model = null);

/// <summary>
/// A fitted device's broker settings, shown once. Devices on the network use the TLS port
/// (<see cref="MqttTlsPort"/>, trusting the deployment's CA certificate); the plain port is for devices on the broker's own machine.
/// </summary>
public sealed record DeviceCredentials(string DeviceId, string Username, string Password, string MqttHost, int MqttPort, string EventsTopic, string StatusTopic,
    int? MqttTlsPort = null, string? CaCertificate = null);

public sealed record WalkTestRequest(int? Minutes);

/// <summary>A site's device during a walk test: its health now and the signals it sent in the test.</summary>
public sealed record WalkTestDevice(string DeviceId, DeviceKind Kind, DeviceHealth Health, IReadOnlyList<WalkTestSignal> Signals);

public sealed record WalkTestView(WalkTest? Test, IReadOnlyList<WalkTestDevice> Devices);

public sealed record ImportResult(bool Imported, int Households, int Devices, IReadOnlyList<Install.ImportProblem> Problems);
