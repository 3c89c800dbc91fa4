using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace ElectionPrep.Http;

/// <summary>
/// Checks every request body before the endpoint, answering 400 with problem details in both languages: first its
/// shape (<see cref="RequestShape"/>), then its FluentValidation validators, then the values its type requires. Stands
/// in for WolverineFx.Http.FluentValidation, which our registry lacks.
/// </summary>
public sealed class ValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(chain => chain.RequestType is { } body && body != typeof(void)))
        {
            var validated = container.HasRegistrationFor(typeof(IValidator<>).MakeGenericType(chain.RequestType!));
            chain.Metadata.ProducesValidationProblem();
            var method = typeof(ValidationPolicy).GetMethod(validated ? nameof(ValidateAsync) : nameof(CheckShape))!.MakeGenericMethod(chain.RequestType!);
            var call = new MethodCall(typeof(ValidationPolicy), method);
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }

    /// <summary>For bodies without a validator: the shape alone.</summary>
    public static IResult CheckShape<T>(T request)
    {
        var (malformed, missing) = RequestShape.Inspect(request);
        return malformed.Count > 0 ? Problems.Invalid(malformed)
            : missing.Count > 0 ? Problems.Invalid(missing)
            : WolverineContinue.Result();
    }

    /// <summary>Validates once per language so the same failures read in Vietnamese and in English.</summary>
    public static async Task<IResult> ValidateAsync<T>(IEnumerable<IValidator<T>> validators, T request)
    {
        var (malformed, missing) = RequestShape.Inspect(request);
        if (malformed.Count > 0) return Problems.Invalid(malformed);

        var vietnamese = await Bilingual.InCultureAsync(Bilingual.Vietnamese, () => FailuresAsync(validators, request));
        if (vietnamese.Count > 0)
        {
            var english = await Bilingual.InCultureAsync(Bilingual.English, () => FailuresAsync(validators, request));
            return Problems.Invalid(vietnamese, english);
        }

        // A null the validators let through would reach the endpoint as a NullReferenceException.
        return missing.Count > 0 ? Problems.Invalid(missing) : WolverineContinue.Result();
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
