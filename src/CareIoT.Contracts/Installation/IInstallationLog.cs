namespace CareIoT.Contracts;

/// <summary>Where installation records are kept (PostgreSQL in production).</summary>
public interface IInstallationLog
{
    Task RecordAsync(InstallationRecord record, CancellationToken cancellationToken);
}
