namespace CareIoT.Telemetry;

/// <summary>
/// One point to write: a measurement, tags (kept sorted by key, ordinal), at least one field and a
/// timestamp with nanosecond precision. Immutable. The constructor rejects with an
/// <see cref="ArgumentException"/> everything line protocol cannot carry (NaN and infinities,
/// line breaks, empty names, the reserved key <c>time</c>, a backslash before a separator), so a
/// point that exists can always be formatted. Tags with an empty value are left out, as InfluxDB
/// reads a missing tag as empty.
/// </summary>
public sealed class LinePoint
{
    private readonly KeyValuePair<string, string>[] _tags;
    private readonly KeyValuePair<string, FieldValue>[] _fields;

    public LinePoint(
        string measurement,
        IEnumerable<KeyValuePair<string, string>>? tags,
        IEnumerable<KeyValuePair<string, FieldValue>> fields,
        DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(fields);
        LineProtocolRules.CheckMeasurement(measurement);
        Measurement = measurement;
        Timestamp = timestamp;
        UnixNanoseconds = LineProtocol.ToUnixNanoseconds(timestamp);

        _tags = [.. (tags ?? []).Where(t => t.Value is not { Length: 0 })];
        Array.Sort(_tags, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 0; i < _tags.Length; i++)
        {
            LineProtocolRules.CheckTag(measurement, _tags[i].Key, _tags[i].Value);
            if (i > 0 && _tags[i].Key == _tags[i - 1].Key)
            {
                throw new ArgumentException($"Tag \"{_tags[i].Key}\" of measurement \"{measurement}\" is given twice.", nameof(tags));
            }
        }

        _fields = [.. fields];
        if (_fields.Length == 0)
        {
            throw new ArgumentException($"A point of measurement \"{measurement}\" needs at least one field.", nameof(fields));
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            var (key, value) = _fields[i];
            LineProtocolRules.CheckField(measurement, key, value);
            // Points carry a handful of fields: a quadratic check beats allocating a set per point.
            for (var j = 0; j < i; j++)
            {
                if (_fields[j].Key == key)
                {
                    throw new ArgumentException($"Field \"{key}\" of measurement \"{measurement}\" is given twice.", nameof(fields));
                }
            }
        }
    }

    public string Measurement { get; }

    /// <summary>Tags sorted by key (ordinal), empty values left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags => _tags;

    /// <summary>Fields in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, FieldValue>> Fields => _fields;

    public DateTimeOffset Timestamp { get; }

    /// <summary>The timestamp as nanoseconds since the Unix epoch, as written with <c>precision=ns</c>.</summary>
    public long UnixNanoseconds { get; }

    /// <summary>The point as one line of line protocol, without the line break.</summary>
    public override string ToString() => LineProtocol.Format(this);
}
