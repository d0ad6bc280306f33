using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Collects, for every page of a browser context, the Content-Security-Policy violations it reports
/// (<c>securitypolicyviolation</c> events) and the browser's console errors about CSP or the
/// Permissions-Policy header.
/// </summary>
internal sealed class CspWatch
{
    // Runs before the page's own scripts, outside its policy (Playwright injects it).
    private const string Listener = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
          `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.pathname}:${e.lineNumber} (${e.sample || ""})`));
        """;

    private readonly ConcurrentQueue<string> _console = new();

    public static async Task<CspWatch> AttachAsync(IBrowserContext context)
    {
        var watch = new CspWatch();
        await context.AddInitScriptAsync(Listener);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)
                || message.Text.Contains("Permissions-Policy", StringComparison.Ordinal)))
            {
                watch._console.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        return watch;
    }

    /// <summary>What the page reported so far, and the context's console errors not returned before.</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var found = (await page.EvaluateAsync<string[]>("window.__cspViolations || []")).Select(v => $"{page.Url}: {v}").ToList();
        while (_console.TryDequeue(out var error))
        {
            found.Add(error);
        }

        return found;
    }
}
