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
            // How soon a due reminder or deadline timer is picked up; Wolverine's default suits production.
            if (builder.Configuration.GetValue<TimeSpan?>("Wolverine:ScheduledJobPollingTime") is { } polling)
            {
                options.Durability.ScheduledJobPollingTime = polling;
            }
        });
        return builder;
    }
}
