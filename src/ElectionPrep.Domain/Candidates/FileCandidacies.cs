using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;

namespace ElectionPrep.Candidates;

/// <summary>
/// Nộp hồ sơ theo lô: the dossiers a commune keeps in a spreadsheet, filed for one council in one decision. Each row is
/// decided as its own filing would be (<see cref="FileCandidacy"/>: Luật 85 Điều 35 on dossiers, Điều 36 one per level), on the list and the
/// people as the rows before it leave them, so two rows for one person, or a body's nominees past its allocation, are
/// caught inside the batch too. One refused row refuses the whole batch, and every refused row is named.
/// </summary>
public sealed record FileCandidacies(string ConsultationProcessId, IReadOnlyList<FileCandidacy> Filings)
{
    public const string RowsRefused = "dossier-rows-refused";

    public static Decision Decide(
        FileCandidacies command, ConsultationProcess process, WorkflowDefinition definition, CandidateList? list, IReadOnlyDictionary<string, Person> people,
        FileCandidacy.Context context, DateTimeOffset now)
    {
        var events = new List<object>();
        var refused = new List<RefusedItem>();
        var persons = people.ToDictionary(pair => pair.Key, pair => (Person?)pair.Value);
        foreach (var (filing, position) in command.Filings.Select((filing, index) => (filing, index + 1)))
        {
            var person = persons.GetValueOrDefault(filing.PersonId);
            var decision = FileCandidacy.Decide(filing, process, definition, list, person, context, now);
            if (decision.Refusal is { } refusal)
            {
                refused.Add(new RefusedItem(position, filing.Dossier.FullName, refusal));
                continue;
            }

            events.AddRange(decision.Events);
            list = decision.Events.Aggregate(list, CandidateList.Evolve);
            persons[filing.PersonId] = decision.Events.Aggregate(person, Person.Evolve);
        }

        if (refused.Count == 0) return Decision.Accept(events);

        var rows = string.Join(", ", refused.Select(item => item.Position));
        return Decision.Refuse(new Refusal(RowsRefused,
            new($"{refused.Count} trong {command.Filings.Count} hồ sơ không được nhận (dòng {rows}); chưa hồ sơ nào được ghi.",
                $"{refused.Count} of {command.Filings.Count} dossiers were refused (rows {rows}); none was recorded."),
            Items: refused));
    }
}
