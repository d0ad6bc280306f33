namespace CareIoT.Server.Api;

/// <summary>The sites whose queue facts a console wants (ids of homes and of beds).</summary>
public sealed record SiteSummaryRequest(string[]? Households, string[]? Beds);

/// <summary>Technical alerts an operator acknowledges together.</summary>
public sealed record BulkAcknowledgeRequest(Guid[]? AlertIds);

/// <summary>What became of one alert of a bulk acknowledge: its status now, or why it was refused.</summary>
public sealed record BulkAcknowledgeResult(Guid AlertId, string? Status, string? Error);
