using System.Security.Cryptography;
using Marten;

namespace ElectionPrep.Audit;

/// <summary>Signs checkpoints with the installation's audit key and publishes its public half.</summary>
public sealed class AuditKeys(IServiceProvider services, IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private AuditSigningKey? key;

    public async Task<string> PublicKeyPemAsync(CancellationToken cancellation) => (await KeyAsync(cancellation)).PublicKeyPem;

    public async Task<string> SignAsync(byte[] text, CancellationToken cancellation)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem((await KeyAsync(cancellation)).PrivateKeyPem);
        return Convert.ToBase64String(ecdsa.SignData(text, HashAlgorithmName.SHA256));
    }

    public void Dispose() => loading.Dispose();

    private async Task<AuditSigningKey> KeyAsync(CancellationToken cancellation)
    {
        if (key is not null) return key;
        await loading.WaitAsync(cancellation);
        try
        {
            if (key is not null) return key;
            if (configuration["Audit:SigningKey"] is { Length: > 0 } path)
            {
                using var configured = ECDsa.Create();
                configured.ImportFromPem(await File.ReadAllTextAsync(path, cancellation));
                return key = new AuditSigningKey(AuditSigningKey.DocumentId, configured.ExportPkcs8PrivateKeyPem(), configured.ExportSubjectPublicKeyInfoPem());
            }

            await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
            var stored = await session.LoadAsync<AuditSigningKey>(AuditSigningKey.DocumentId, cancellation);
            if (stored is null)
            {
                using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                stored = new AuditSigningKey(AuditSigningKey.DocumentId, created.ExportPkcs8PrivateKeyPem(), created.ExportSubjectPublicKeyInfoPem());
                session.Insert(stored);
                await session.SaveChangesAsync(cancellation);
            }

            return key = stored;
        }
        finally
        {
            loading.Release();
        }
    }
}
