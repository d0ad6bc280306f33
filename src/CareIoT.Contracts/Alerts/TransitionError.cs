namespace CareIoT.Contracts;

/// <summary>Why an operator's action on an alert was refused; nothing changed.</summary>
public enum TransitionError
{
    /// <summary>No such alert.</summary>
    NotFound = 1,

    /// <summary>The action does not apply in the alert's current status (e.g. resolve before acknowledge).</summary>
    InvalidTransition = 2,

    /// <summary>Someone else did it first (e.g. two operators acknowledged at once).</summary>
    AlreadyDone = 3,
}
