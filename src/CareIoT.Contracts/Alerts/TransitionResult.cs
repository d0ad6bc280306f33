namespace CareIoT.Contracts;

/// <summary>The answer to an operator's action: the alert as it now stands, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.TransitionResult")]
public sealed record TransitionResult(AlertSnapshot? Alert, TransitionError? Error = null, string Message = "")
{
    public bool Succeeded => Error is null;

    public static TransitionResult Ok(AlertSnapshot alert) => new(alert);

    public static TransitionResult Refused(TransitionError error, string message, AlertSnapshot? alert = null) => new(alert, error, message);
}
