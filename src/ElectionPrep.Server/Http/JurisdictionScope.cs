using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Http;

/// <summary>
/// Phạm vi địa bàn: an account with a "jurisdiction" claim acts only on processes in that unit or beneath it (a commune
/// clerk on that commune's process; a province's staff on the province and everything in it). Accounts without the
/// claim act nationally. Runs before every action on a process, conference, list or candidacy.
/// </summary>
public static class JurisdictionScope
{
    public const string Claim = "jurisdiction";
    public const string OutsideJurisdiction = "outside-jurisdiction";

    public static async Task<IResult> BeforeAsync(HttpContext context, ClaimsPrincipal user, IQuerySession session)
    {
        if (user.FindFirst(Claim)?.Value is not { Length: > 0 } scope || user.IsInRole(nameof(Workflows.ActorRole.Administrator))) return WolverineContinue.Result();
        if (context.Request.RouteValues["id"]?.ToString() is not { Length: > 0 } id) return WolverineContinue.Result();

        var process = await session.LoadAsync<ConsultationProcess>(await ProcessOf.StreamAsync(session, id, context.RequestAborted));
        if (process is null || process.JurisdictionPath.Contains(scope)) return WolverineContinue.Result();

        return Problems.Forbidden(OutsideJurisdiction, new BilingualText(
            $"Tài khoản chỉ thao tác trong địa bàn {scope}; quy trình này thuộc {process.JurisdictionCode}.",
            $"This account acts only within {scope}; this process belongs to {process.JurisdictionCode}."));
    }
}
