namespace CareIoT.IntegrationTests;

/// <summary>Polls a condition on a real external system until it holds or the timeout passes.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (await condition())
            {
                return true;
            }
        }
        while (await WaitTick(timer, cancel.Token));

        return await condition();
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        T? found = null;
        var ok = await TrueAsync(async () => (found = await probe()) is not null, timeout);
        return ok && found is not null ? found : throw new TimeoutException($"Timed out after {timeout} waiting for {what}");
    }

    private static async Task<bool> WaitTick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
