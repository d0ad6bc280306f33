using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Checks a server certificate as a device or browser that trusts only the deployment's own CA
/// (deploy/tls.sh) does: the name must match and the chain must end at that CA, nowhere else.
/// </summary>
internal static class DeploymentCa
{
    /// <summary>
    /// True when <paramref name="presented"/> names the host asked for and chains to the CA in
    /// <paramref name="caCertificatePath"/>. The only error forgiven is the one the system store
    /// reports for a root it does not know; the chain is then built again with our CA as the only root.
    /// </summary>
    public static bool Validates(string caCertificatePath, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caCertificatePath));
        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>The CA's subject, to compare with the issuer a server presented.</summary>
    public static string Subject(string caCertificatePath)
    {
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caCertificatePath));
        return ca.Subject;
    }
}
