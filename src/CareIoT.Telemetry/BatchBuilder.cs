using System.IO.Compression;
using System.Text;

namespace CareIoT.Telemetry;

/// <summary>
/// Formats points straight into a gzip stream, so a batch never exists as one big string.
/// Used by one thread (the writer's batching loop).
/// </summary>
internal sealed class BatchBuilder(CompressionLevel compression)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StringBuilder _line = new(256);
    private MemoryStream? _body;
    private StreamWriter? _writer;

    public int Count { get; private set; }

    public void Add(LinePoint point)
    {
        if (_writer is null)
        {
            _body = new MemoryStream();
            _writer = new StreamWriter(new GZipStream(_body, compression, leaveOpen: true), Utf8, bufferSize: 1 << 16);
        }

        _line.Clear();
        LineProtocol.Append(_line, point);
        _writer.Write(_line.Append('\n'));
        Count++;
    }

    /// <summary>The batch so far, or null when it is empty; the builder starts a new one.</summary>
    public WriteBatch? Take()
    {
        if (Count == 0 || _writer is null || _body is null)
        {
            return null;
        }

        _writer.Dispose();
        var batch = new WriteBatch(_body.ToArray(), Count);
        _writer = null;
        _body = null;
        Count = 0;
        return batch;
    }
}
