using System.Security.Cryptography;
using CareIoT.Stores;

namespace CareIoT.Server.Auth;

/// <summary>
/// On a fresh database, creates the user "admin". Its password is <c>Auth:InitialAdminPassword</c>
/// when configured, else generated; a generated one is written once to
/// <c>$CAREIOT_STATE/secrets/initial-admin</c> (mode 0600) — never to a log.
/// </summary>
public sealed class InitialAdmin(IUserAccounts users, IConfiguration configuration, ILogger<InitialAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = configuration["Auth:InitialAdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        }

        if (!await users.CreateAsync("admin", AuthEndpoints.Hash(password!), Roles.Admin, null, cancellationToken))
        {
            // Another silo starting at the same time created it (and wrote its password).
            return;
        }

        if (generated && Environment.GetEnvironmentVariable("CAREIOT_STATE") is { Length: > 0 } state)
        {
            var file = Path.Combine(state, "secrets", "initial-admin");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, $"admin {password}\n", cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            logger.LogWarning("Created the initial user 'admin'; its password is in {File}", file);
        }
        else
        {
            logger.LogWarning("Created the initial user 'admin' with the configured password");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
