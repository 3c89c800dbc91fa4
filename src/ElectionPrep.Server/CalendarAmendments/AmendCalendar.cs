using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace ElectionPrep.CalendarAmendments;

/// <summary>The body of POST /api/terms/{termId}/calendar-amendments.</summary>
/// <param name="CalendarStepId">The id of a step of the term's calendar, e.g. "third-consultation".</param>
/// <param name="Council">Only this council kind (name or slug); every council the step applies to when left out.</param>
/// <param name="JurisdictionCode">Only this unit and the units under it; the whole country when left out.</param>
/// <param name="Reference">The NEC's decision, e.g. "NQ 12/NQ-HĐBCQG".</param>
public sealed record AmendCalendarRequest(
    string CalendarStepId, string? Council, string? JurisdictionCode, DateTimeOffset? DueAt, string Reference, [MultiLine] string Reason);

public sealed class AmendCalendarRequestValidator : AbstractValidator<AmendCalendarRequest>
{
    public AmendCalendarRequestValidator()
    {
        RuleFor(request => request.CalendarStepId).NotEmpty()
            .WithMessage("Cần mã bước của lịch bầu cử.", "The calendar step's id is required.");
        RuleFor(request => request.Council)
            .Must(council => CouncilKinds.TryParse(council!, out _))
            .When(request => !string.IsNullOrEmpty(request.Council))
            .WithMessage("'{PropertyValue}' không phải loại hội đồng.", "'{PropertyValue}' is not a council kind.");
        RuleFor(request => request.DueAt).NotNull()
            .WithMessage("Cần hạn mới (ngày, giờ và múi giờ).", "The new deadline (date, time and offset) is required.");
        RuleFor(request => request.Reference).NotEmpty()
            .WithMessage("Cần số, ký hiệu nghị quyết của Hội đồng bầu cử quốc gia.", "The National Election Council's resolution reference is required.");
        RuleFor(request => request.Reason).NotEmpty()
            .WithMessage("Cần nêu lý do điều chỉnh.", "A reason for the amendment is required.");
    }
}

/// <summary>An amendment as recorded, and the open processes it was sent to.</summary>
public sealed record CalendarAmendmentReport(CalendarStepAmended Amendment, IReadOnlyList<string> AffectedProcesses);

public static class AmendCalendarEndpoint
{
    /// <summary>
    /// Records the amendment on the term's calendar, then sends it to every open process of the term it reaches; each
    /// takes the new deadline and resets its timers in its own transaction, so one busy process delays no other.
    /// </summary>
    [WolverinePost(Routes.CalendarAmendments)]
    [AmendsCalendar]
    public static async Task<(IResult, OutgoingMessages)> Post(
        string termId, AmendCalendarRequest request, IDocumentSession session, SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (seeds.FindTerm(termId) is not { } term)
        {
            return (Problems.NotFound(new($"Không có nhiệm kỳ '{termId}'.", $"There is no term '{termId}'.")), []);
        }

        var stream = await session.Events.FetchForExclusiveWriting<AmendedCalendar>(AmendedCalendar.IdFor(termId), cancellation);
        var command = new AmendCalendar(termId, request.CalendarStepId,
            string.IsNullOrEmpty(request.Council) ? null : CouncilKinds.TryParse(request.Council, out var council) ? council : null,
            string.IsNullOrEmpty(request.JurisdictionCode) ? null : request.JurisdictionCode, request.DueAt!.Value, request.Reference, request.Reason);
        var decision = AmendCalendar.Decide(command, Actors.ActorOf(user), term,
            command.JurisdictionCode is { } code ? seeds.Units.Find(code, term.ElectionDay) : null,
            stream.Aggregate, seeds.ElectionDayStart(term), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (Problems.Refused(refusal), []);

        session.SetHeader(ActorHeaders.LegalBasis, request.Reference);
        stream.AppendMany(decision.Events);
        var amendment = decision.Events.OfType<CalendarStepAmended>().Single();
        // Only the three fields the reach needs, not every open process document of the term (11,000 nationally).
        var open = await session.Query<ConsultationProcess>()
            .Where(process => process.TermId == termId && process.Stage == ConsultationProcessStage.Open)
            .Select(process => new ReachedProcess(process.Id, process.Council, process.JurisdictionPath))
            .ToListAsync(cancellation);
        var reached = open.Where(process => AmendedCalendar.Reaches(amendment, process.Council, process.JurisdictionPath)).Select(process => process.Id).Order().ToList();
        var messages = new OutgoingMessages();
        messages.AddRange(reached.Select(id => new ApplyCalendarAmendment(id, amendment)));
        return (Results.Created(Routes.For(Routes.CalendarAmendments, termId), new CalendarAmendmentReport(amendment, reached)), messages);
    }
}

/// <summary>What an amendment's reach is decided on, read without the rest of the process.</summary>
public sealed record ReachedProcess(string Id, CouncilKind Council, IReadOnlyList<string> JurisdictionPath);
