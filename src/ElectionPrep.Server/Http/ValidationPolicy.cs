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

    /// <summary>
    /// Validates once per language so the same failures read in Vietnamese and in English; a refused request also hears
    /// what its decision's rules would refuse in the fields it got right (<see cref="IRefusalPreview{T}"/>).
    /// </summary>
    public static async Task<IResult> ValidateAsync<T>(IEnumerable<IValidator<T>> validators, T request, HttpContext context)
    {
        var (malformed, missing) = RequestShape.Inspect(request);
        if (malformed.Count > 0) return Problems.Invalid(malformed);

        var vietnamese = await Bilingual.InCultureAsync(Bilingual.Vietnamese, () => FailuresAsync(validators, request));
        if (vietnamese.Count > 0)
        {
            var english = await Bilingual.InCultureAsync(Bilingual.English, () => FailuresAsync(validators, request));
            var previewed = await PreviewAsync(request, context, vietnamese);
            return Problems.Invalid(
                [.. vietnamese, .. previewed.Select(flaw => new FluentValidation.Results.ValidationFailure(flaw.Field, flaw.Problem.Vi))],
                [.. english, .. previewed.Select(flaw => new FluentValidation.Results.ValidationFailure(flaw.Field, flaw.Problem.En))]);
        }

        // A null the validators let through would reach the endpoint as a NullReferenceException.
        return missing.Count > 0 ? Problems.Invalid(missing) : WolverineContinue.Result();
    }

    /// <summary>The previewed refusals of the fields validation let through (a field already refused says one thing at a time).</summary>
    private static async Task<IReadOnlyList<Common.FieldFlaw>> PreviewAsync<T>(
        T request, HttpContext context, IReadOnlyList<FluentValidation.Results.ValidationFailure> failures)
    {
        var flaws = new List<Common.FieldFlaw>();
        foreach (var preview in context.RequestServices.GetServices<IRefusalPreview<T>>())
        {
            flaws.AddRange(await preview.FlawsAsync(request, context, context.RequestAborted));
        }

        return [.. flaws.Where(flaw => !failures.Any(failure => failure.PropertyName == flaw.Field
            || failure.PropertyName.StartsWith(flaw.Field + ".", StringComparison.Ordinal) || failure.PropertyName.StartsWith(flaw.Field + "[", StringComparison.Ordinal)))];
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
