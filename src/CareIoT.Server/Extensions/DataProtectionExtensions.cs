using Microsoft.AspNetCore.DataProtection;

namespace CareIoT.Server.Extensions;

public static class DataProtectionExtensions
{
    /// <summary>
    /// The keys that sign sign-in cookies live in the state folder's secrets (<c>secrets/data-protection</c>,
    /// folder mode 0700), generated on first use, shared by the silos of one machine so a cookie from one
    /// is good on another, and never in the repository. A cluster across machines points
    /// <c>DataProtection:KeyDirectory</c> at a shared folder of the same protection.
    /// </summary>
    public static void AddCareIotDataProtection(this WebApplicationBuilder builder)
    {
        var state = Environment.GetEnvironmentVariable("CAREIOT_STATE");
        var directory = builder.Configuration["DataProtection:KeyDirectory"]
            ?? (string.IsNullOrEmpty(state) ? null : Path.Combine(state, "secrets", "data-protection"));
        var protection = builder.Services.AddDataProtection().SetApplicationName("CareIoT");
        if (directory is null)
        {
            return; // a bare development run: ASP.NET Core's default key ring
        }

        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        protection.PersistKeysToFileSystem(new DirectoryInfo(directory));
    }
}
