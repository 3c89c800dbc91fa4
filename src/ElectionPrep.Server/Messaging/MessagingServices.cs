using FluentValidation;
using JasperFx;
using Wolverine;
using Wolverine.ErrorHandling;

namespace ElectionPrep.Messaging;

/// <summary>Wolverine: handlers in one transaction with their events, durable queues, retries, timers.</summary>
public static class MessagingServices
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            // The signed-in user flows into every Marten session Wolverine opens, and so into each event's user name.
            options.EnableRelayOfUserName = true;
            options.Policies.Add<MessageValidationPolicy>();
            options.OnException<ValidationException>().MoveToErrorQueue();
            // Activation and timers of one process can race on its stream; the loser reloads and decides again.
            options.OnException<ConcurrencyException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Policies.UseDurableInboxOnAllListeners();
            options.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // Several nodes share one database: one leads (node health, recovery of a dead node's messages), every one
            // serves requests and fires due timers, each timer once under the store's lock. See docs/scaling.md.
            options.Durability.Mode = DurabilityMode.Balanced;
            // Timings under Wolverine:Durability (how soon a due timer is picked up, a dead node declared stale);
            // Wolverine's defaults suit production.
            builder.Configuration.GetSection("Wolverine:Durability").Bind(options.Durability);
        });
        return builder;
    }
}
