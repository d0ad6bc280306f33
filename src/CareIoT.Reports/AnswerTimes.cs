namespace CareIoT.Reports;

/// <summary>
/// How fast the centre answered: of all alerts raised in the period, the share acknowledged within
/// 60 s and within 180 s (an alert never acknowledged counts as not within), the median and 90th
/// percentile time to acknowledge, and the median and mean time to resolve (closed alerts only).
/// Telecare targets: 97.5 % within 60 s, 99 % within 180 s.
/// </summary>
public sealed record AnswerTimes(
    int Raised,
    int Acknowledged,
    double Within60sPercent,
    double Within180sPercent,
    double? MedianAcknowledgeSeconds,
    double? P90AcknowledgeSeconds,
    int Closed,
    double? MedianResolveSeconds,
    double? MeanResolveSeconds)
{
    public const double Target60sPercent = 97.5;
    public const double Target180sPercent = 99;

    public static AnswerTimes From(IReadOnlyList<AlertTiming> alerts)
    {
        var acknowledge = alerts.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.RaisedAt).TotalSeconds).Order().ToList();
        var resolve = alerts.Where(a => a.ClosedAt is not null).Select(a => (a.ClosedAt!.Value - a.RaisedAt).TotalSeconds).Order().ToList();
        double Share(double limit) => alerts.Count == 0 ? 100 : acknowledge.Count(s => s <= limit) * 100.0 / alerts.Count;
        return new AnswerTimes(
            alerts.Count, acknowledge.Count, Share(60), Share(180), Percentile(acknowledge, 0.5), Percentile(acknowledge, 0.9),
            resolve.Count, Percentile(resolve, 0.5), resolve.Count == 0 ? null : resolve.Average());
    }

    /// <summary>Linear interpolation between closest ranks, as PostgreSQL's percentile_cont.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
