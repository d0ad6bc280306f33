namespace CareIoT.Contracts;

/// <summary>Why an alert exists. A site has at most one open alert per cause.</summary>
public enum AlertCause
{
    PersonalEmergency = 1,
    Fire = 2,
}
