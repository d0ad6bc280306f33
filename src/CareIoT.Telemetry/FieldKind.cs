namespace CareIoT.Telemetry;

/// <summary>The InfluxDB field types this client writes.</summary>
public enum FieldKind
{
    /// <summary>A 64-bit signed integer, written with the <c>i</c> suffix.</summary>
    Integer,

    /// <summary>A finite 64-bit float, written in invariant culture with round-trip precision.</summary>
    Float,

    /// <summary>Written as <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Written in double quotes with <c>"</c> and <c>\</c> escaped.</summary>
    String,
}
