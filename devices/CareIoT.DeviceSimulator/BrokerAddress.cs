namespace CareIoT.DeviceSimulator;

/// <summary>Where the broker is, parsed from <c>host:port</c>.</summary>
public sealed record BrokerAddress(string Host, int Port)
{
    public static BrokerAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon < 0
            ? new BrokerAddress(text, 1883)
            : new BrokerAddress(text[..colon], int.Parse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => $"{Host}:{Port}";
}
