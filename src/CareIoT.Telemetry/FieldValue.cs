using System.Globalization;

namespace CareIoT.Telemetry;

/// <summary>
/// One field value of a <see cref="LinePoint"/>: an integer, a float, a boolean or a string.
/// Converts implicitly from <see cref="long"/>, <see cref="int"/>, <see cref="double"/>,
/// <see cref="bool"/> and <see cref="string"/>. Conversions never throw; <see cref="LinePoint"/>
/// rejects what line protocol cannot carry (NaN, infinities, null strings, line breaks).
/// </summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly long _integer;
    private readonly double _float;
    private readonly string? _string;

    private FieldValue(FieldKind kind, long integer, double @float, string? text)
    {
        Kind = kind;
        _integer = integer;
        _float = @float;
        _string = text;
    }

    public FieldKind Kind { get; }

    /// <summary>The integer (or 1/0 for a boolean).</summary>
    public long IntegerValue => _integer;

    public double FloatValue => _float;

    public bool BooleanValue => _integer != 0;

    /// <summary>The string of a <see cref="FieldKind.String"/> value; null for other kinds.</summary>
    public string? StringValue => _string;

    public static FieldValue Integer(long value) => new(FieldKind.Integer, value, 0, null);

    public static FieldValue Float(double value) => new(FieldKind.Float, 0, value, null);

    public static FieldValue Boolean(bool value) => new(FieldKind.Boolean, value ? 1 : 0, 0, null);

    public static FieldValue String(string value) => new(FieldKind.String, 0, 0, value);

    public static implicit operator FieldValue(long value) => Integer(value);

    public static implicit operator FieldValue(int value) => Integer(value);

    public static implicit operator FieldValue(double value) => Float(value);

    public static implicit operator FieldValue(bool value) => Boolean(value);

    public static implicit operator FieldValue(string value) => String(value);

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    public bool Equals(FieldValue other) =>
        Kind == other.Kind && _integer == other._integer && _float.Equals(other._float) && string.Equals(_string, other._string, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _integer, _float, _string);

    public override string ToString() => Kind switch
    {
        FieldKind.Integer => _integer.ToString(CultureInfo.InvariantCulture) + "i",
        FieldKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        FieldKind.Boolean => BooleanValue ? "true" : "false",
        _ => _string ?? "(null)",
    };
}
