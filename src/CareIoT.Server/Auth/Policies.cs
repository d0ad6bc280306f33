namespace CareIoT.Server.Auth;

/// <summary>Who may do what. Every endpoint and the hub name one of these; a wrong role gets 403.</summary>
public static class Policies
{
    /// <summary>See the alert queue, sites and devices.</summary>
    public const string Watch = "watch";

    /// <summary>Acknowledge, dispatch, close alerts; change rule settings.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Register households, beds and devices; see ingestion's dead letters.</summary>
    public const string Install = "install";

    /// <summary>
    /// See one household's status page: everyone who may <see cref="Watch"/>, and a relative for the
    /// household they are bound to (<see cref="HouseholdAccessHandler"/>).
    /// </summary>
    public const string SeeHousehold = "see-household";

    /// <summary>Produce uptime reports (inspectors only: they answer for the figures).</summary>
    public const string Inspect = "inspect";

    /// <summary>Manage users.</summary>
    public const string Administer = "administer";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Watch] = [Roles.Dispatcher, Roles.Supervisor, Roles.Inspector, Roles.Admin],
        [Dispatch] = [Roles.Dispatcher, Roles.Supervisor, Roles.Admin],
        [Install] = [Roles.Installer, Roles.Supervisor, Roles.Admin],
        [Inspect] = [Roles.Inspector],
        [Administer] = [Roles.Admin],
    };
}
