using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace ElectionPrep.Http;

/// <summary>
/// Runs the FluentValidation validators of a request body before the endpoint, answering 400 with problem
/// details in both languages. Stands in for WolverineFx.Http.FluentValidation, which our registry lacks.
/// </summary>
public sealed class ValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(chain => chain.RequestType is { } body && body != typeof(void)))
        {
            if (!container.HasRegistrationFor(typeof(IValidator<>).MakeGenericType(chain.RequestType!))) continue;

            chain.Metadata.ProducesValidationProblem();
            var method = typeof(ValidationPolicy).GetMethod(nameof(ValidateAsync))!.MakeGenericMethod(chain.RequestType!);
            var call = new MethodCall(typeof(ValidationPolicy), method);
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }

    /// <summary>Validates once per language so the same failures read in Vietnamese and in English.</summary>
    public static async Task<IResult> ValidateAsync<T>(IEnumerable<IValidator<T>> validators, T request)
    {
        var vietnamese = await Bilingual.InCultureAsync(Bilingual.Vietnamese, () => FailuresAsync(validators, request));
        if (vietnamese.Count == 0) return WolverineContinue.Result();

        var english = await Bilingual.InCultureAsync(Bilingual.English, () => FailuresAsync(validators, request));
        return Problems.Invalid(vietnamese, english);
    }

    private static async Task<IReadOnlyList<FluentValidation.Results.ValidationFailure>> FailuresAsync<T>(IEnumerable<IValidator<T>> validators, T request)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(request)).Errors);
        }

        return failures;
    }
}
