using Marten;

namespace ElectionPrep.Audit;

/// <summary>The verifiable log: its signing keys, the subscription that writes it, and the check of protected data against it.</summary>
public static class AuditServices
{
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAuditLog(this MartenServiceCollectionExtensions.MartenConfigurationExpression eventStore)
    {
        var services = eventStore.Services;
        services.AddSingleton<AuditKeys>();
        services.AddHostedService<ProtectedCommitmentWatch>();
        // The subscription finds a stream's last leaf when the stream has no mark yet (every new stream).
        services.ConfigureMarten(options => options.Schema.For<AuditLeaf>().Duplicate(leaf => leaf.Entry.StreamKey).Duplicate(leaf => leaf.Index));
        return eventStore.AddSubscriptionWithServices<AuditLogSubscription>(ServiceLifetime.Singleton, subscription => subscription.Name = "audit-log");
    }
}
