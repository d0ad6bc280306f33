using System.Globalization;
using System.Net;
using Serilog;

namespace CareIoT.Server.Extensions;

public static class HttpsExtensions
{
    private const string CertificatePath = "Kestrel:Certificates:Default:Path";
    private const string KeyPath = "Kestrel:Certificates:Default:KeyPath";

    /// <summary>
    /// HTTPS for the console on <c>Https:Port</c>, all interfaces, with Kestrel's default certificate
    /// (<c>Kestrel:Certificates:Default:Path</c> and <c>KeyPath</c>, PEM: deploy/services.sh names the
    /// web certificate of the deployment's own CA; a real certificate replaces those two keys). The
    /// addresses given with <c>--urls</c> stay as they are: plain HTTP belongs on loopback only.
    /// Without <c>Https:Port</c> nothing is added, and a named certificate whose files are absent is
    /// ignored, so hosts that do not ask for HTTPS start anyway. <c>Https:Port</c> without a
    /// certificate stops the server: it must not run without the HTTPS it was told to serve.
    /// </summary>
    public static void AddCareIotHttps(this WebApplicationBuilder builder)
    {
        var certificate = builder.Configuration[CertificatePath];
        var key = builder.Configuration[KeyPath];
        var present = !string.IsNullOrEmpty(certificate) && File.Exists(certificate)
            && (string.IsNullOrEmpty(key) || File.Exists(key));
        if (!present && (!string.IsNullOrEmpty(certificate) || !string.IsNullOrEmpty(key)))
        {
            // Kestrel loads its default certificate at start even when it serves plain HTTP only.
            builder.Configuration[CertificatePath] = null;
            builder.Configuration[KeyPath] = null;
        }

        var urls = (builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls.Where(IsPlainHttpOnTheNetwork))
        {
            Log.Warning("Plain HTTP on {Url}: passwords and sign-in cookies cross the network unencrypted; serve it on 127.0.0.1 and use Https:Port", url);
        }

        if (builder.Configuration.GetValue<int?>("Https:Port") is not { } port)
        {
            return;
        }

        if (!present)
        {
            throw new InvalidOperationException(
                $"Https:Port is {port} but {CertificatePath} names no certificate file that exists ({certificate ?? "not set"}); run deploy/services.sh start");
        }

        var https = string.Create(CultureInfo.InvariantCulture, $"https://*:{port}");
        builder.WebHost.UseUrls([.. urls.Length > 0 ? urls : ["http://localhost:5000"], https]);
    }

    private static bool IsPlainHttpOnTheNetwork(string url)
    {
        var address = BindingAddress.Parse(url);
        return address.Scheme == "http" && !address.IsUnixPipe && address.Host != "localhost"
            && !(IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
