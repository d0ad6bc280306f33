using System.Security.Cryptography;
using System.Text;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// A home with a DC-09 alarm panel: its household and the panel's account, 8 hex digits derived from
/// the panel's index (<c>5A000000</c>, <c>5A000001</c>, …) so a fleet started again finds its panels
/// bound. Every other panel encrypts (AES-128), the others send in clear.
/// </summary>
public sealed record PanelHome(string HouseholdId, string Account, bool Encrypted)
{
    public string DeviceId => $"panel-{Account}";

    public string Serial => $"SIM-{Account}";

    /// <summary>The panel's AES-128 key, 32 hex digits (see <see cref="DemoKey"/>).</summary>
    public string Key => DemoKey(Account);

    public static PanelHome For(string prefix, int index) => new($"{prefix}-phh-{index:D4}", $"5A{index:X6}", Encrypted: index % 2 == 0);

    /// <summary>
    /// Demo only: the key is the first 16 bytes of SHA-256 of the account, so a run that finds the
    /// account bound already (HTTP 409) still knows its key. Anyone who knows the account knows this
    /// key; a real panel's key is random and handed to the centre once.
    /// </summary>
    public static string DemoKey(string account) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(account)).AsSpan(0, 16));
}
