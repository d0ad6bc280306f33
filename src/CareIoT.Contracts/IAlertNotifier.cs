namespace CareIoT.Contracts;

/// <summary>
/// Pushes alert changes to the dispatch consoles. Best effort: the journal is the truth and
/// consoles resynchronise from it when they connect, so a failed push loses nothing.
/// </summary>
public interface IAlertNotifier
{
    Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken);
}
