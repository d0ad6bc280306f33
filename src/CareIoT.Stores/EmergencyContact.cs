namespace CareIoT.Stores;

/// <summary>Someone to call for an elder: a child, a neighbour, the community worker.</summary>
public sealed record EmergencyContact(string Name, string Relation, string Phone);
