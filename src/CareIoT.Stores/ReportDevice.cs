using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>A device in a report's scope, with the day it was registered (its observed time starts then).</summary>
public sealed record ReportDevice(string DeviceId, DeviceKind Kind, SiteRef Site, DateTimeOffset RegisteredAt, TimeSpan? OfflineAfter);
