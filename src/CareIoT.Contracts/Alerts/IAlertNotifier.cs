namespace CareIoT.Contracts;

/// <summary>
/// Pushes alert changes to the dispatch consoles. Best effort: the journal is the truth and
/// consoles resynchronise from it when they connect, so a failed push loses nothing.
/// </summary>
public interface IAlertNotifier
{
    Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken);

    /// <summary>Nobody acknowledged in time: tell the supervisors (and everyone again) at this level.</summary>
    Task AlertEscalatedAsync(AlertSnapshot alert, CancellationToken cancellationToken);
}
