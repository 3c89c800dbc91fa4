using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

/// <summary>
/// Sửa số định danh cá nhân of a candidacy. The corrected identity may show that the person already stands
/// elsewhere: a multiple-candidacy violation found late, which strikes the person from every list (Luật 85 Điều 36).
/// </summary>
public sealed record CorrectCitizenId(string CandidacyId, string NewPersonId, ProtectedPersonalData Protected, string Actor)
{
    public const string SamePerson = "same-person";

    /// <param name="others">The corrected person's other candidacies, by id, with their process.</param>
    public static Decision Decide(CorrectCitizenId command, Candidacy candidacy, IReadOnlyDictionary<string, Candidacy> others, RuleParameters rules, DateTimeOffset now)
    {
        if (candidacy.PersonId == command.NewPersonId && candidacy.Protected.CitizenId == command.Protected.CitizenId)
        {
            return Decision.Refuse(SamePerson, "Số định danh không thay đổi.", "The citizen ID is unchanged.");
        }

        var events = new List<object>
        {
            new CitizenIdCorrected(candidacy.Id, command.NewPersonId, command.Protected, command.Actor, now),
        };
        if (candidacy.PersonId != command.NewPersonId)
        {
            events.Add(new PersonCandidacyReleased(candidacy.PersonId, candidacy.Id, now));
            events.Add(new PersonCandidacyRegistered(command.NewPersonId, candidacy.Id, candidacy.ConsultationProcessId, candidacy.Council, now));
        }

        var standing = others.Values.Where(other => other.Id != candidacy.Id && other.Status == CandidacyStatus.Filed).ToList();
        var violation = Eligibility.MultipleCandidacyViolation(candidacy.Council, new OtherCandidacies(standing.Select(other => other.Council).ToList()), rules.MultipleCandidacy);
        if (violation is null) return Decision.Accept(events);

        foreach (var struck in standing.Append(candidacy))
        {
            events.Add(new CandidacyStruck(struck.Id, Eligibility.MultipleCandidacy, violation.Vi, command.Actor, now));
            events.Add(new CandidateStruckFromList(CandidateList.IdFor(struck.ConsultationProcessId), struck.Id, Eligibility.MultipleCandidacy, violation.Vi, now));
        }

        return Decision.Accept(events);
    }
}
