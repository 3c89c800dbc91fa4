using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST …/attendance: the ids of the invitees present.</summary>
public sealed record RecordAttendanceRequest(IReadOnlyList<string> PresentInviteeIds);

public sealed class RecordAttendanceRequestValidator : AbstractValidator<RecordAttendanceRequest>
{
    public RecordAttendanceRequestValidator() =>
        RuleFor(request => request.PresentInviteeIds).NotNull().WithMessage("Cần danh sách người có mặt.", "The list of those present is required.");
}

public static class RecordAttendanceEndpoint
{
    [WolverinePost(Routes.ConferenceAttendance)]
    [WritesConference]
    [ActsOn]
    public static IResult Post(RecordAttendanceRequest request, ConferenceForWriting loaded, IDocumentSession session, ClaimsPrincipal user)
    {
        var command = new RecordAttendance(loaded.Conference.Id, request.PresentInviteeIds, Actors.Of(user), loaded.RoleOf(user));
        return ConferenceStreams.Answer(session, loaded, RecordAttendance.Decide(command, loaded.Conference, loaded.Process, loaded.Definition, loaded.Now));
    }
}
