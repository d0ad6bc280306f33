using Serilog;
using Serilog.Formatting.Compact;

namespace CareIoT.Server.Extensions;

public static class LoggingExtensions
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Serilog: readable lines on the console, compact JSON in a daily file (<c>Logging:Directory</c>).</summary>
    public static void AddCareIotLogging(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["Logging:Directory"] ?? "logs";
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate)
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, "careiot-.json"), rollingInterval: RollingInterval.Day));
    }
}
