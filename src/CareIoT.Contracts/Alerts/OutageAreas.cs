namespace CareIoT.Contracts;

/// <summary>
/// Which outage area a device belongs to: its gateway when it has one (a gateway that loses power or its
/// uplink takes all its devices with it), else the network of directly connected devices (a broker or
/// mobile-network outage takes them together).
/// </summary>
public static class OutageAreas
{
    public const string DirectNetwork = "network";

    public static string Of(DeviceBinding binding) =>
        binding.GatewayId is { Length: > 0 } gateway ? $"gateway:{gateway}" : DirectNetwork;
}
