namespace CareIoT.Contracts;

/// <summary>Who an operator sends to an alert. Stable values.</summary>
public enum Responder
{
    FamilyContact = 1,
    CommunityWorker = 2,
    FacilityNurse = 3,
    FireBrigade119 = 4,
    Ambulance120 = 5,
}
