using System.Text.Json;

namespace CareIoT.Server.Api;

/// <summary>
/// Refuses hostile input to the API before any endpoint sees it, with a 400 that names the field:
/// control characters (NUL, line breaks, escapes…) in a path segment or query value, and in a JSON
/// body any control character other than tab and line breaks (free text may have lines), or a body
/// that is not JSON at all. PostgreSQL refuses NUL in text, and an id with a line break forges log
/// lines; every endpoint would otherwise have to remember both.
/// </summary>
public sealed class InputGuard(RequestDelegate next, ILogger<InputGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var refused = FirstControlCharacter(request) ?? await FirstBadJsonAsync(request, context.RequestAborted);
        if (refused is { } field)
        {
            logger.LogWarning("Refused {Method} {Path}: {Field} is not acceptable input", request.Method, request.Path.Value?.Replace('\n', ' '), field.Name);
            await Results.ValidationProblem(new Dictionary<string, string[]> { [field.Name] = [field.Problem] }).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static (string Name, string Problem)? FirstControlCharacter(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && HasControl(text, allowLines: false))
            {
                return (name, "control characters are not allowed");
            }
        }

        foreach (var (name, values) in request.Query)
        {
            if (HasControl(name, allowLines: false) || values.Any(v => v is not null && HasControl(v, allowLines: false)))
            {
                return (name, "control characters are not allowed");
            }
        }

        return null;
    }

    private static async Task<(string Name, string Problem)?> FirstBadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || request.HasFormContentType || !(request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return null;
        }

        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return Walk(document.RootElement, "body");
        }
        catch (JsonException)
        {
            return ("body", "not valid JSON");
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static (string Name, string Problem)? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when HasControl(element.GetString()!, allowLines: true):
                return (path, "control characters are not allowed");
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (HasControl(property.Name, allowLines: false))
                    {
                        return (path, "control characters are not allowed in a field name");
                    }

                    if (Walk(property.Value, property.Name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, path) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool HasControl(string text, bool allowLines)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && !(allowLines && c is '\t' or '\n' or '\r')) || c == '\u007F')
            {
                return true;
            }
        }

        return false;
    }
}
