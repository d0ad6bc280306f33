using System.Security.Claims;
using System.Text.RegularExpressions;
using CareIoT.Contracts;
using CareIoT.Dc09;
using CareIoT.PanelReceiver;
using CareIoT.Stores;

namespace CareIoT.Server.Api;

/// <summary>A home-alarm panel as the installer binds it: its DC-09 account to a household, with its key.</summary>
public sealed record BindPanelRequest(string HouseholdId, string Serial, string? Key = null, string? KeyFormat = null, string? Vendor = null, int? SupervisionMinutes = null);

/// <summary>A bound account as shown back: never the key, only whether there is one.</summary>
public sealed record PanelBinding(string Account, string DeviceId, bool Encrypted, string? Vendor);

public static partial class PanelEndpoints
{
    public static void MapPanelEndpoints(this IEndpointRouteBuilder app)
    {
        var panels = app.MapGroup("/api/install/panels").RequireAuthorization(Auth.Policies.Install);
        panels.MapGet("/vendors", (PanelEventMap eventMap) => eventMap.Vendors.Order(StringComparer.Ordinal));
        panels.MapPut("/{account}", BindAsync);
        panels.MapGet("/{account}", async (string account, IPanelBindings accounts, CancellationToken ct) =>
            await accounts.FindAsync(account.ToUpperInvariant(), ct) is { } a
                ? Results.Ok(new PanelBinding(a.Account, a.DeviceId, a.Key is not null, a.Vendor))
                : Results.NotFound());
        app.MapGet("/api/panels/stats", (PanelReceiverStats stats) => stats.Snapshot()).RequireAuthorization(Auth.Policies.Install);
    }

    private static async Task<IResult> BindAsync(string account, BindPanelRequest body, ClaimsPrincipal user, IPanelBindings accounts,
        PanelAccountDirectory directory, PanelEventMap eventMap, IGrainFactory grains, TimeProvider time, CancellationToken ct)
    {
        account = account.ToUpperInvariant();
        var isHex = !string.Equals(body.KeyFormat, "text", StringComparison.OrdinalIgnoreCase);
        if (Problem(account, body, isHex, eventMap) is { } problem)
        {
            return Results.BadRequest(new { error = problem.Text, code = problem.Code });
        }

        var panel = new PanelAccount(account, $"panel-{account}", string.IsNullOrEmpty(body.Key) ? null : body.Key, isHex, body.Vendor);
        var offlineAfter = body.SupervisionMinutes is { } m ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;
        switch (await accounts.RegisterAsync(panel, body.HouseholdId, body.Serial.Trim(), offlineAfter, user.Identity!.Name!, time.GetUtcNow(), ct))
        {
            case PanelRegistration.Taken:
                return Results.Conflict(new { error = "this account, device or serial is already bound", code = "taken" });
            case PanelRegistration.NoHousehold:
                return Results.BadRequest(new { error = $"no household '{body.HouseholdId}'", code = "noHousehold" });
        }

        // Seen at once here (other nodes within their refresh); the device grain forgets an earlier "unknown".
        await directory.RefreshAsync(TimeSpan.Zero, ct);
        await grains.GetGrain<IDeviceGrain>(panel.DeviceId).Rebind(new DeviceBinding(panel.DeviceId, DeviceKind.AlarmPanel,
            new SiteRef(SiteKind.Household, body.HouseholdId), offlineAfter));
        return Results.Created($"/api/install/panels/{account}", new PanelBinding(account, panel.DeviceId, panel.Key is not null, panel.Vendor));
    }

    /// <summary>What is wrong with a binding: English text for tools and logs, a code the installer's page shows in its own language.</summary>
    private sealed record BindProblem(string Code, string Text);

    private static BindProblem? Problem(string account, BindPanelRequest body, bool isHex, PanelEventMap eventMap)
    {
        if (!AccountPattern().IsMatch(account))
        {
            return new("badAccount", "the account is 3 to 16 hex digits");
        }

        if (string.IsNullOrWhiteSpace(body.HouseholdId) || string.IsNullOrWhiteSpace(body.Serial) || body.Serial.Length > 64)
        {
            return new("missingFields", "householdId and serial (at most 64 characters) are required");
        }

        if (body.KeyFormat is { } format && format is not ("hex" or "text"))
        {
            return new("badKeyFormat", "keyFormat is 'hex' or 'text'");
        }

        if (body.Vendor is { } vendor && !eventMap.HasVendor(vendor))
        {
            return new("unknownVendor", $"no vendor '{vendor}' in the event map (known: {string.Join(", ", eventMap.Vendors)})");
        }

        if (body.SupervisionMinutes is < 1 or > 7 * 24 * 60)
        {
            return new("badSupervision", "supervisionMinutes is between 1 and 10080");
        }

        if (!string.IsNullOrEmpty(body.Key))
        {
            try
            {
                _ = Dc09AccountKey.FromConfigured(body.Key, isHex);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                return isHex
                    ? new("badHexKey", "a hex key is 32, 48 or 64 hex digits (AES-128/192/256)")
                    : new("badTextKey", "a text key is 16, 24 or 32 characters (AES-128/192/256)");
            }
        }

        return null;
    }

    [GeneratedRegex("^[0-9A-F]{3,16}$")]
    private static partial Regex AccountPattern();
}
