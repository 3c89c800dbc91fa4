using System.Security.Cryptography;
using System.Text;
using Marten;

namespace ElectionPrep.Candidates;

/// <summary>The installation's secret for pseudonymous person keys, created once and kept in the database.</summary>
public sealed record PseudonymKey(string Id, string Key)
{
    public const string DocumentId = "person-pseudonym-key";
}

/// <summary>
/// Turns a citizen ID into the key of the person's stream: an HMAC with the installation's secret, so the key joins
/// one person's candidacies without revealing the ID (12 digits are too few to hide behind a plain hash).
/// </summary>
public sealed class PersonKeys(IDocumentStore store) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private byte[]? key;

    public async Task<string> PersonIdAsync(string citizenId, CancellationToken cancellation)
    {
        var secret = key ?? await LoadAsync(cancellation);
        var digits = new string(citizenId.Where(char.IsAsciiDigit).ToArray());
        return "person-" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(digits)))[..40];
    }

    public void Dispose() => loading.Dispose();

    private async Task<byte[]> LoadAsync(CancellationToken cancellation)
    {
        await loading.WaitAsync(cancellation);
        try
        {
            if (key is not null) return key;
            await using var session = store.LightweightSession();
            var stored = await session.LoadAsync<PseudonymKey>(PseudonymKey.DocumentId, cancellation);
            if (stored is null)
            {
                stored = new PseudonymKey(PseudonymKey.DocumentId, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                session.Insert(stored);
                await session.SaveChangesAsync(cancellation);
            }

            return key = Convert.FromBase64String(stored.Key);
        }
        finally
        {
            loading.Release();
        }
    }
}
