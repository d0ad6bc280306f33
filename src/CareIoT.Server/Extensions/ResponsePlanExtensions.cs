using CareIoT.Server.Plans;

namespace CareIoT.Server.Extensions;

public static class ResponsePlanExtensions
{
    /// <summary>The response plans (<c>ResponsePlans:File</c>, default response-plans.json beside the host), checked now: a mistake stops the host.</summary>
    public static void AddCareIotResponsePlans(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration["ResponsePlans:File"] ?? "response-plans.json";
        builder.Services.AddSingleton(ResponsePlanBook.Load(Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file)));
    }
}
