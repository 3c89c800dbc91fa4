using System.Collections.Immutable;
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
        return Batch.Decide(command.Filings, (List: list, People: people.ToImmutableDictionary(pair => pair.Key, pair => (Person?)pair.Value)),
            (filing, state) => FileCandidacy.Decide(filing, process, definition, state.List, state.People.GetValueOrDefault(filing.PersonId), context, now),
            (state, filing, events) => (events.Aggregate(state.List, CandidateList.Evolve),
                state.People.SetItem(filing.PersonId, events.Aggregate(state.People.GetValueOrDefault(filing.PersonId), Person.Evolve))),
            (filing, _) => filing.Dossier.FullName,
            refused => new Refusal(RowsRefused,
                new($"{refused.Count} trong {command.Filings.Count} hồ sơ không được nhận (dòng {Batch.Positions(refused)}); chưa hồ sơ nào được ghi.",
                    $"{refused.Count} of {command.Filings.Count} dossiers were refused (rows {Batch.Positions(refused)}); none was recorded."),
                Items: refused));
    }
}
