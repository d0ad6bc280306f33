namespace CareIoT.Telemetry;

/// <summary>
/// What an <see cref="InfluxLineWriter"/> did since it was made, as a snapshot. After a flush,
/// <c>PointsAccepted = PointsWritten + LinesDeadLettered + PointsDropped + SpoolPoints</c>
/// (points left in the spool by an earlier run add to the right-hand side).
/// </summary>
/// <param name="PointsAccepted">Points handed to <see cref="InfluxLineWriter.Write"/>.</param>
/// <param name="PointsWritten">Points InfluxDB stored, sent directly or back-filled from the spool.</param>
/// <param name="PointsSpooled">Points put in the spool because InfluxDB was unreachable (or the spool was not yet empty).</param>
/// <param name="PointsBackfilled">Points sent from the spool and stored; a part of <paramref name="PointsWritten"/>.</param>
/// <param name="PointsDropped">Points lost: spool segments dropped at the disk bound, or a spool that could not be written.</param>
/// <param name="LinesDeadLettered">Lines InfluxDB rejected (HTTP 400) and that went to the dead-letter file.</param>
/// <param name="SpoolPoints">Points in the spool now.</param>
/// <param name="SpoolBytes">Bytes the spool's segments take now.</param>
public readonly record struct InfluxWriterCounters(
    long PointsAccepted,
    long PointsWritten,
    long PointsSpooled,
    long PointsBackfilled,
    long PointsDropped,
    long LinesDeadLettered,
    long SpoolPoints,
    long SpoolBytes);
