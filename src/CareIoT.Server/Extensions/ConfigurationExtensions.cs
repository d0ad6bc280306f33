namespace CareIoT.Server.Extensions;

public static class ConfigurationExtensions
{
    /// <summary>
    /// Reads <c>$CAREIOT_STATE/runtime.json</c> when that variable is set: the deploy scripts write
    /// the generated connection secrets there (mode 0600), so none is in the repository.
    /// </summary>
    public static void AddCareIotConfiguration(this WebApplicationBuilder builder)
    {
        var state = Environment.GetEnvironmentVariable("CAREIOT_STATE");
        if (!string.IsNullOrEmpty(state))
        {
            builder.Configuration.AddJsonFile(Path.Combine(state, "runtime.json"), optional: true, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
        }
    }
}
