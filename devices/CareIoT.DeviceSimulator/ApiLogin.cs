namespace CareIoT.DeviceSimulator;

/// <summary>Who the simulator signs in as to register its fleet, read from lines "USER PASSWORD" (the run command's initial-admin file).</summary>
public sealed record ApiLogin(string Username, string Password)
{
    public static ApiLogin Load(string? path)
    {
        var parts = path is null ? [] : File.ReadAllText(path).Trim().Split(' ', 2);
        return parts.Length == 2 ? new ApiLogin(parts[0], parts[1]) : new ApiLogin("admin", "");
    }
}
