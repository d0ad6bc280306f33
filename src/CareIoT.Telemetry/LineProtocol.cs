using System.Buffers;
using System.Globalization;
using System.Text;

namespace CareIoT.Telemetry;

/// <summary>
/// Formats <see cref="LinePoint"/>s as InfluxDB line protocol: measurement with commas and spaces
/// escaped; tag keys, tag values and field keys with commas, equals signs and spaces escaped;
/// string values in double quotes with <c>"</c> and <c>\</c> escaped; integers with an <c>i</c>
/// suffix; floats in invariant culture, round-trip; booleans <c>true</c>/<c>false</c>; the
/// timestamp in nanoseconds since the Unix epoch (write with <c>precision=ns</c>). Names pass
/// through as Unicode and are sent as UTF-8. Thread-safe (stateless).
/// </summary>
public static class LineProtocol
{
    private static readonly SearchValues<char> MeasurementSpecial = SearchValues.Create(LineProtocolRules.MeasurementEscaped);
    private static readonly SearchValues<char> KeySpecial = SearchValues.Create(LineProtocolRules.KeyEscaped);
    private static readonly SearchValues<char> StringSpecial = SearchValues.Create("\"\\");

    /// <summary>One line, without the line break.</summary>
    public static string Format(LinePoint point)
    {
        var builder = new StringBuilder(128);
        Append(builder, point);
        return builder.ToString();
    }

    /// <summary>Appends one line, without the line break.</summary>
    public static void Append(StringBuilder builder, LinePoint point)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(point);
        AppendEscaped(builder, point.Measurement, MeasurementSpecial);
        foreach (var (key, value) in point.Tags)
        {
            AppendEscaped(builder.Append(','), key, KeySpecial);
            AppendEscaped(builder.Append('='), value, KeySpecial);
        }

        var separator = ' ';
        foreach (var (key, value) in point.Fields)
        {
            AppendEscaped(builder.Append(separator), key, KeySpecial);
            AppendValue(builder.Append('='), value);
            separator = ',';
        }

        AppendInvariant(builder.Append(' '), point.UnixNanoseconds);
    }

    /// <summary>Nanoseconds since the Unix epoch; throws outside the years 1677 to 2262 that 64 bits hold.</summary>
    public static long ToUnixNanoseconds(DateTimeOffset timestamp)
    {
        try
        {
            return checked((timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100);
        }
        catch (OverflowException ex)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, $"InfluxDB timestamps are 64-bit nanoseconds; {timestamp:O} is out of range. {ex.Message}");
        }
    }

    /// <summary>The instant of a nanosecond timestamp, to the 100 ns a <see cref="DateTimeOffset"/> holds.</summary>
    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);

    private static void AppendValue(StringBuilder builder, FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.Integer:
                AppendInvariant(builder, value.IntegerValue).Append('i');
                break;
            case FieldKind.Float:
                if (!double.IsFinite(value.FloatValue))
                {
                    throw new ArgumentException($"{value.FloatValue} cannot be written: line protocol has no NaN or infinity.", nameof(value));
                }

                Span<char> buffer = stackalloc char[32];
                value.FloatValue.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
                builder.Append(buffer[..written]);
                break;
            case FieldKind.Boolean:
                builder.Append(value.BooleanValue ? "true" : "false");
                break;
            default:
                AppendEscaped(builder.Append('"'), value.StringValue!, StringSpecial).Append('"');
                break;
        }
    }

    private static StringBuilder AppendEscaped(StringBuilder builder, string text, SearchValues<char> special)
    {
        var rest = text.AsSpan();
        for (var i = rest.IndexOfAny(special); i >= 0; i = rest.IndexOfAny(special))
        {
            builder.Append(rest[..i]).Append('\\').Append(rest[i]);
            rest = rest[(i + 1)..];
        }

        return builder.Append(rest);
    }

    private static StringBuilder AppendInvariant(StringBuilder builder, long value)
    {
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return builder.Append(buffer[..written]);
    }
}
