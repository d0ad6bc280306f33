namespace CareIoT.Telemetry;

/// <summary>How one write attempt ended.</summary>
internal readonly record struct WriteOutcome(WriteOutcome.Result Status, int? HttpStatus, string Detail)
{
    public enum Result
    {
        /// <summary>2xx: InfluxDB stored every line.</summary>
        Written,

        /// <summary>400 and other final 4xx: sending the same lines again cannot succeed.</summary>
        Rejected,

        /// <summary>5xx, 401/403/404/408/429, a timeout or no connection: worth another try later.</summary>
        Unavailable,
    }

    public static WriteOutcome Written { get; } = new(Result.Written, 204, "");

    public override string ToString() => HttpStatus is { } status ? $"HTTP {status}: {Detail}" : Detail;
}
