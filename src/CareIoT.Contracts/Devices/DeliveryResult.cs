namespace CareIoT.Contracts;

/// <summary>The answer to a delivered device message; <paramref name="Alert"/> is set when it raised or repeated one.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeliveryResult")]
public sealed record DeliveryResult(DeliveryOutcome Outcome, AlertSnapshot? Alert = null);
