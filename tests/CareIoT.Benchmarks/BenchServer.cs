using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareIoT.Benchmarks;

/// <summary>
/// The real server for the system benchmark, started here as its own process on the real services
/// with a database, telemetry database and cluster of its own, signed in as its initial admin.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private const string AdminPassword = "bench-admin-password";
    private readonly Process _process;

    private BenchServer(Process process, Uri address, HttpClient http, CookieContainer cookies)
    {
        _process = process;
        Address = address;
        Http = http;
        Cookies = cookies;
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public int ProcessId => _process.Id;

    public static async Task<BenchServer> StartAsync(BenchServices services, string run)
    {
        var port = 5190;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CareIoT.Server.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(services.Repository, "src", "CareIoT.Server"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__Postgres"] = services.Postgres($"careiot_bench_{run}");
        start.Environment["Orleans__ClusterId"] = $"bench-{run}";
        start.Environment["Orleans__ServiceId"] = $"bench-{run}";
        start.Environment["Orleans__SiloPort"] = "11191";
        start.Environment["Orleans__GatewayPort"] = "30091";
        start.Environment["Auth__ApiRequestsPerMinute"] = "100000000"; // registration of 2,000 buttons through the API as one user
        start.Environment["Dc09__Port"] = "0"; // panels are not part of this benchmark: any free port
        start.Environment["Mqtt__ClientId"] = $"careiot-bench-{run}";
        start.Environment["Mqtt__SessionExpirySeconds"] = "60";
        // To see whether alarms wait in the broker's in-flight window or in the server (docs/benchmarks.md).
        if (Environment.GetEnvironmentVariable("CAREIOT_BENCH_RECEIVE_MAXIMUM") is { } window)
        {
            start.Environment["Mqtt__ReceiveMaximum"] = window;
        }
 // a finished run's session must not keep collecting messages
        start.Environment["Influx__Database"] = $"bench_{run}";
        start.Environment["Influx__SpoolDirectory"] = Path.Combine(Path.GetTempPath(), $"careiot-bench-{run}");
        start.Environment["Auth__InitialAdminPassword"] = AdminPassword;
        start.Environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), $"careiot-bench-{run}-logs");
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("health")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("the benchmark server did not become healthy");
            }

            await Task.Delay(500);
        }

        (await http.PostAsJsonAsync("api/auth/login", new { username = "admin", password = AdminPassword })).EnsureSuccessStatusCode();
        return new BenchServer(process, http.BaseAddress!, http, cookies);
    }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public long ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async Task<long> AcceptedAsync()
    {
        var stats = await Http.GetFromJsonAsync<Dictionary<string, long>>("api/ingest/stats");
        return stats!.Where(p => p.Key is "accepted" or "duplicate").Sum(p => p.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Http.Dispose();
        _process.Dispose();
    }
}

/// <summary>What the deploy scripts started: connection settings from runtime.json, broker users through the project's script.</summary>
public sealed class BenchServices
{
    private readonly JsonElement _runtime;

    public BenchServices()
    {
        State = Environment.GetEnvironmentVariable("CAREIOT_STATE") ?? Path.Combine(Repository, ".state");
        _runtime = JsonDocument.Parse(File.ReadAllText(Path.Combine(State, "runtime.json"))).RootElement.Clone();
    }

    public string Repository { get; } = FindRepository();

    public string State { get; }

    public string Redis => _runtime.GetProperty("ConnectionStrings").GetProperty("Redis").GetString()!;

    public string InfluxUrl => _runtime.GetProperty("Influx").GetProperty("Url").GetString()!;

    /// <summary>The broker's listener for the platform's own accounts (the ingest user works only there).</summary>
    public int PlatformPort => _runtime.GetProperty("Mqtt").GetProperty("Port").GetInt32();

    public (string User, string Password) Ingest => (_runtime.GetProperty("Mqtt").GetProperty("Username").GetString()!, _runtime.GetProperty("Mqtt").GetProperty("Password").GetString()!);

    public string Postgres(string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(_runtime.GetProperty("ConnectionStrings").GetProperty("Postgres").GetString()) { Database = database }.ConnectionString;

    /// <summary>A migrated benchmark database of this name on the real PostgreSQL.</summary>
    public async Task<Npgsql.NpgsqlDataSource> MigratedDatabaseAsync(string database)
    {
        var connection = Postgres(database);
        var dataSource = Npgsql.NpgsqlDataSource.Create(connection);
        await new CareIoT.Postgres.SchemaMigrator(dataSource, new CareIoT.Postgres.PostgresSettings(connection),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CareIoT.Postgres.SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    public IReadOnlyDictionary<string, string> IssueCredentials(IReadOnlyList<string> users) =>
        Users("add", users).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)).ToDictionary(p => p[0], p => p[1].Trim());

    /// <summary>Removes the run's broker users again: each run adds 2,000, and every change rewrites the whole password file.</summary>
    public void RevokeCredentials(IReadOnlyList<string> users) => Users("remove", users);

    private string Users(string command, IReadOnlyList<string> users)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repository, "deploy", "mosquitto-users.sh"));
        start.ArgumentList.Add(command);
        foreach (var user in users)
        {
            start.ArgumentList.Add(user);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareIoT.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CareIoT.sln not found above the benchmark");
    }
}
