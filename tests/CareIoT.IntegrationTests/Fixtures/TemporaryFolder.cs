namespace CareIoT.IntegrationTests;

/// <summary>A new folder under the system's temporary folder, removed with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IAsyncDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("careiot-it-").FullName;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Path, recursive: true);
        return ValueTask.CompletedTask;
    }
}
