namespace CareIoT.Contracts;

/// <summary>
/// A DC-09 account as the installer bound it: the panel's account number (upper-case hex), the
/// device it reports for, and its AES key if it encrypts (hex-encoded or plain text, as the panel
/// takes it). <see cref="ToString"/> never shows the key.
/// </summary>
public sealed record PanelAccount(string Account, string DeviceId, string? Key, bool KeyIsHex, string? Vendor)
{
    public override string ToString() =>
        $"PanelAccount {{ Account = {Account}, DeviceId = {DeviceId}, Encrypted = {Key is not null}, Vendor = {Vendor} }}";
}
