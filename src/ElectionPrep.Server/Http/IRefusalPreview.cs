using ElectionPrep.Common;

namespace ElectionPrep.Http;

/// <summary>
/// What the decision's rules would also refuse in a request that validation has refused, field by field: a person
/// fixing a form then reads every reason on the first submit, instead of meeting the rules only once the form is valid.
/// Only the rules the request alone decides; the decision still applies them all.
/// </summary>
public interface IRefusalPreview<in T>
{
    Task<IReadOnlyList<FieldFlaw>> FlawsAsync(T request, HttpContext context, CancellationToken cancellation);
}
