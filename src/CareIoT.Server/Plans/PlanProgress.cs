using System.Text.Json;
using CareIoT.Stores;

namespace CareIoT.Server.Plans;

/// <summary>
/// Reads an alert's journal against its plan: a step is done when it was ticked (<c>PlanStep</c>) or, for a call
/// step, when a call was recorded for it (<c>Call</c>, whatever its outcome: the call was made).
/// </summary>
public static class PlanProgress
{
    public const string StepEvent = "PlanStep";
    public const string CallEvent = "Call";
    public const string SkippedEvent = "StepsSkipped";

    public static IReadOnlyList<PlanStepState> Of(IReadOnlyList<ResponsePlanStep> plan, AlertHistory history)
    {
        var done = new Dictionary<string, (string By, DateTimeOffset At, string? Note)>();
        foreach (var e in history.Events.Where(e => e.Kind is StepEvent or CallEvent && e.Detail is not null))
        {
            using var detail = JsonDocument.Parse(e.Detail!);
            if (detail.RootElement.TryGetProperty("step", out var step) && step.GetString() is { } id && !done.ContainsKey(id))
            {
                var note = e.Kind == CallEvent
                    ? $"{Read(detail.RootElement, "number")} {Read(detail.RootElement, "outcome")} {Read(detail.RootElement, "note")}".Trim()
                    : Read(detail.RootElement, "note");
                done[id] = (e.Actor, e.At, note);
            }
        }

        return [.. plan.Select(s => done.TryGetValue(s.Id, out var d)
            ? new PlanStepState(s, d.By, d.At, d.Note, Due(s, history))
            : new PlanStepState(s, null, null, null, Due(s, history)))];
    }

    /// <summary>The mandatory steps not done yet: what stands between the alert and its closing.</summary>
    public static IReadOnlyList<string> MissingMandatory(IReadOnlyList<PlanStepState> progress) =>
        [.. progress.Where(p => p.Step.Mandatory && p.DoneAt is null).Select(p => p.Step.Id)];

    private static DateTimeOffset? Due(ResponsePlanStep step, AlertHistory history) =>
        step.DueSeconds is { } seconds ? history.Alert.RaisedAt.AddSeconds(seconds) : null;

    private static string? Read(JsonElement detail, string name) =>
        detail.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
