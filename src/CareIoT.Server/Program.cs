using CareIoT.Server.Api;
using CareIoT.Server.Auth;
using CareIoT.Server.Dispatch;
using CareIoT.Server.Extensions;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCareIotConfiguration();
    builder.AddCareIotRequestLimits();
    builder.AddCareIotHttps();
    builder.AddCareIotAllowedHosts();
    builder.AddCareIotLogging();
    builder.AddCareIotPostgres();
    builder.AddCareIotDataProtection();
    builder.AddCareIotAuth();
    builder.AddCareIotTelemetry();
    builder.AddCareIotSilo();
    builder.AddCareIotIngestion();
    builder.AddCareIotPanelReceiver();
    builder.AddCareIotCarrierPush();
    builder.AddCareIotResponsePlans();
    builder.AddCareIotDispatch();
    builder.AddCareIotWall();
    builder.AddCareIotBaselines();
    builder.AddCareIotMetrics();
    builder.AddCareIotSelfWatch();
    builder.AddCareIotHealthChecks();

    var app = builder.Build();
    app.UseSerilogRequestLogging();
    app.UseSecurityHeaders();
    app.UseCrossSiteRequestGuard();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.UseAuthentication();
    app.UseRateLimiter();
    app.UseAuthorization();
    app.UseCareIotInputGuard();
    app.MapHealthChecks("/health");
    app.MapCareIotMetrics();
    app.MapSelfWatchEndpoints();
    app.MapHub<DispatchHub>(DispatchHub.Path).RequireAuthorization(Policies.Watch);
    app.MapHub<CareIoT.Server.Wall.WallHub>(CareIoT.Server.Wall.WallHub.Path).RequireAuthorization(Policies.Watch);
    app.MapHub<RelativeHub>(RelativeHub.Path).RequireAuthorization();
    app.MapAuthEndpoints();
    app.MapEndpointPolicyEndpoints();
    app.MapAlertEndpoints();
    app.MapQueueEndpoints();
    app.MapPlanEndpoints();
    app.MapRelativeEndpoints();
    app.MapHouseholdSummaryEndpoints();
    app.MapBedCareEndpoints();
    app.MapSiteEndpoints();
    app.MapThresholdEndpoints();
    app.MapShiftEndpoints();
    app.MapWallEndpoints();
    app.MapReportEndpoints();
    app.MapInstallEndpoints();
    app.MapRegistryEndpoints();
    app.MapIngestEndpoints();
    app.MapPanelEndpoints();
    app.MapCarrierPushEndpoints();
    app.MapNbIotBindingEndpoints();
    app.MapAuditEndpoints();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "CareIoT server stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, named so tests can refer to the host.</summary>
public partial class Program;
