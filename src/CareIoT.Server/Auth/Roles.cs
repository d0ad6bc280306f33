namespace CareIoT.Server.Auth;

/// <summary>The console's roles.</summary>
public static class Roles
{
    public const string Dispatcher = "dispatcher";
    public const string Supervisor = "supervisor";
    public const string Installer = "installer";
    public const string Inspector = "inspector";
    public const string Admin = "admin";

    /// <summary>A family member: sees their own elder's status page, nothing else.</summary>
    public const string Relative = "relative";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Dispatcher, Supervisor, Installer, Inspector, Admin, Relative };
}
