namespace CareIoT.Telemetry;

/// <summary>What line protocol cannot carry, checked once when a <see cref="LinePoint"/> is made.</summary>
internal static class LineProtocolRules
{
    /// <summary>Characters escaped with a backslash in a measurement.</summary>
    internal const string MeasurementEscaped = ", ";

    /// <summary>Characters escaped with a backslash in tag keys, tag values and field keys.</summary>
    internal const string KeyEscaped = ",= ";

    public static void CheckMeasurement(string measurement)
    {
        CheckName(measurement, "measurement", measurement, MeasurementEscaped);
        if (measurement[0] == '#')
        {
            throw new ArgumentException($"Measurement \"{measurement}\" starts with '#', which line protocol reads as a comment.", nameof(measurement));
        }
    }

    public static void CheckTag(string measurement, string key, string value)
    {
        CheckName(key, "tag key", measurement, KeyEscaped);
        CheckReserved(key, "tag key", measurement);
        if (value is null)
        {
            throw new ArgumentException($"Tag \"{key}\" of measurement \"{measurement}\" is null.", nameof(value));
        }

        if (value.Length > 0)
        {
            CheckName(value, $"value of tag \"{key}\"", measurement, KeyEscaped);
        }
    }

    public static void CheckField(string measurement, string key, FieldValue value)
    {
        CheckName(key, "field key", measurement, KeyEscaped);
        CheckReserved(key, "field key", measurement);
        switch (value.Kind)
        {
            case FieldKind.Float when !double.IsFinite(value.FloatValue):
                throw new ArgumentException(
                    $"Field \"{key}\" of measurement \"{measurement}\" is {value.FloatValue}; line protocol cannot carry NaN or infinity.", nameof(value));
            case FieldKind.String when value.StringValue is null:
                throw new ArgumentException($"Field \"{key}\" of measurement \"{measurement}\" is a null string.", nameof(value));
            case FieldKind.String:
                CheckNoLineBreak(value.StringValue, $"string field \"{key}\"", measurement);
                break;
        }
    }

    private static void CheckName(string name, string what, string measurement, string escaped)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"A {what} of measurement \"{measurement}\" is empty.", nameof(name));
        }

        CheckNoLineBreak(name, what, measurement);

        // A backslash before a character we escape (or at the end) would turn our escape into its escape.
        for (var i = name.IndexOf('\\'); i >= 0; i = name.IndexOf('\\', i + 1))
        {
            if (i == name.Length - 1 || escaped.Contains(name[i + 1]))
            {
                throw new ArgumentException(
                    $"The {what} \"{name}\" has a backslash before a separator or at its end, which line protocol cannot carry.", nameof(name));
            }
        }
    }

    private static void CheckNoLineBreak(string text, string what, string measurement)
    {
        // One point per line keeps the spool, the dead-letter file and the server's error messages line-oriented.
        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException($"The {what} of measurement \"{measurement}\" contains a line break; this client writes one point per line.", nameof(text));
        }
    }

    private static void CheckReserved(string key, string what, string measurement)
    {
        if (key == "time")
        {
            throw new ArgumentException($"The {what} \"time\" of measurement \"{measurement}\" is reserved by InfluxDB.", nameof(key));
        }
    }
}
