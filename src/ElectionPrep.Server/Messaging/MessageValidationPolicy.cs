using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace ElectionPrep.Messaging;

/// <summary>
/// Validates a message with its FluentValidation validators before its handler runs; an invalid message throws
/// <see cref="ValidationException"/> and goes to the error queue instead of being retried. Stands in for
/// WolverineFx.FluentValidation, which our registry lacks.
/// </summary>
public sealed class MessageValidationPolicy : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!container.HasRegistrationFor(typeof(IValidator<>).MakeGenericType(chain.MessageType))) continue;

            var method = typeof(MessageValidationPolicy).GetMethod(nameof(ValidateAsync))!.MakeGenericMethod(chain.MessageType);
            chain.Middleware.Add(new MethodCall(typeof(MessageValidationPolicy), method));
        }
    }

    public static async Task ValidateAsync<T>(IEnumerable<IValidator<T>> validators, T message)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(message)).Errors);
        }

        if (failures.Count > 0) throw new ValidationException(failures);
    }
}
