using System.Collections.Concurrent;
using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>Keeps the installation records the sites wrote.</summary>
public sealed class RecordingInstallationLog : IInstallationLog
{
    public ConcurrentQueue<InstallationRecord> Records { get; } = new();

    public Task RecordAsync(InstallationRecord record, CancellationToken cancellationToken)
    {
        Records.Enqueue(record);
        return Task.CompletedTask;
    }
}
