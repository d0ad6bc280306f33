using System.Security.Claims;
using CareIoT.Stores;
using CareIoT.Server.Auth;

namespace CareIoT.Server.Privacy;

/// <summary>
/// Who sees an elder's identity. Those who act for the person — duty staff, supervisors, admins,
/// the installer who goes to the door, the person's own relative — see the full record; an
/// inspector (who audits the service, not the person) sees a masked name and no address, medical
/// notes or contacts.
/// </summary>
public static class PersonalData
{
    private static readonly string[] IdentityRoles = [Roles.Dispatcher, Roles.Supervisor, Roles.Admin, Roles.Installer, Roles.Relative];

    public static bool SeesIdentity(ClaimsPrincipal user) => IdentityRoles.Any(user.IsInRole);

    public static HouseholdDetails For(HouseholdDetails household, ClaimsPrincipal user) =>
        SeesIdentity(user)
            ? household
            : household with { ElderName = NameMask.Mask(household.ElderName), Address = "", MedicalNotes = "", Contacts = [], Latitude = null, Longitude = null };
}
