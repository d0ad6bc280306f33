using System.Text.Json;
using System.Text.RegularExpressions;
using CareIoT.Contracts;

namespace CareIoT.Server.Plans;

/// <summary>
/// The centre's response plans, one per alert cause, from the centre-editable <c>response-plans.json</c>. Read
/// and checked when the host starts: a mistake stops it with the JSON path of the problem, so a broken plan is
/// found by whoever edited it, not by the operator in the middle of a fire.
/// </summary>
public sealed partial class ResponsePlanBook
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { "call", "check" };

    public static readonly IReadOnlySet<string> Targets = new HashSet<string> { "elder", "contact", "community", "nurse", "119", "120" };

    private static readonly string[] Languages = ["zh-CN", "en"];

    private readonly Dictionary<AlertCause, IReadOnlyList<ResponsePlanStep>> _plans;

    private ResponsePlanBook(Dictionary<AlertCause, IReadOnlyList<ResponsePlanStep>> plans) => _plans = plans;

    /// <summary>The steps for a cause; none when the file has no plan for it.</summary>
    public IReadOnlyList<ResponsePlanStep> For(AlertCause cause) => _plans.GetValueOrDefault(cause) ?? [];

    public static ResponsePlanBook Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (ResponsePlanException ex)
        {
            throw new ResponsePlanException($"{path}: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new ResponsePlanException($"{path}: cannot be read ({ex.Message})");
        }
    }

    public static ResponsePlanBook Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ResponsePlanException($"not valid JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("plans", out var plans) || plans.ValueKind != JsonValueKind.Object)
        {
            throw new ResponsePlanException("$.plans: an object of plans by alert cause is required");
        }

        var book = new Dictionary<AlertCause, IReadOnlyList<ResponsePlanStep>>();
        foreach (var plan in plans.EnumerateObject())
        {
            var path = $"$.plans.{plan.Name}";
            if (!Enum.TryParse<AlertCause>(plan.Name, out var cause) || !Enum.IsDefined(cause) || int.TryParse(plan.Name, out _))
            {
                throw new ResponsePlanException($"{path}: '{plan.Name}' is not an alert cause ({string.Join(", ", Enum.GetNames<AlertCause>())})");
            }

            if (!plan.Value.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array || steps.GetArrayLength() == 0)
            {
                throw new ResponsePlanException($"{path}.steps: a non-empty array of steps is required");
            }

            var read = new List<ResponsePlanStep>();
            var index = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var stepPath = $"{path}.steps[{index++}]";
                var parsed = Step(step, stepPath);
                if (read.Any(s => s.Id == parsed.Id))
                {
                    throw new ResponsePlanException($"{stepPath}.id: '{parsed.Id}' is used twice in this plan");
                }

                read.Add(parsed);
            }

            book[cause] = read;
        }

        return new ResponsePlanBook(book);
    }

    private static ResponsePlanStep Step(JsonElement step, string path)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            throw new ResponsePlanException($"{path}: a step must be an object");
        }

        var id = Text(step, "id", path);
        if (!StepId().IsMatch(id))
        {
            throw new ResponsePlanException($"{path}.id: '{id}' must be 1-40 lower-case letters, digits or dashes");
        }

        var kind = Text(step, "kind", path);
        if (!Kinds.Contains(kind))
        {
            throw new ResponsePlanException($"{path}.kind: '{kind}' is not one of {string.Join(", ", Kinds)}");
        }

        string? target = null;
        if (kind == "call")
        {
            target = Text(step, "target", path);
            if (!Targets.Contains(target))
            {
                throw new ResponsePlanException($"{path}.target: '{target}' is not one of {string.Join(", ", Targets)}");
            }
        }

        var mandatory = step.TryGetProperty("mandatory", out var m) && m.ValueKind is JsonValueKind.True;
        int? due = null;
        if (step.TryGetProperty("dueSeconds", out var d))
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out var seconds) || seconds <= 0)
            {
                throw new ResponsePlanException($"{path}.dueSeconds: a whole number of seconds above 0 is required");
            }

            due = seconds;
        }

        if (!step.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.Object)
        {
            throw new ResponsePlanException($"{path}.text: an object with the step's text in {string.Join(" and ", Languages)} is required");
        }

        var texts = new Dictionary<string, string>();
        foreach (var language in Languages)
        {
            texts[language] = Text(text, language, $"{path}.text");
        }

        return new ResponsePlanStep(id, kind, target, mandatory, due, texts);
    }

    private static string Text(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ResponsePlanException($"{path}.{name}: a non-empty string is required");

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex StepId();
}
