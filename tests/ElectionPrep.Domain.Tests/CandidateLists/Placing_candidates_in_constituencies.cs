using ElectionPrep.Common;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.CandidateLists;

/// <summary>A list of three candidates, none placed yet, in a commune of two constituencies: the clerk places them in one submit.</summary>
public class Placing_candidates_in_constituencies
{
    private static readonly string ListId = CandidateList.IdFor(ProcessId);

    private static readonly string[] Names = ["Nguyễn Văn Đức", "Trần Thị Ánh", "Lê Văn Bình"];

    private static readonly Spec<CandidateList> Unplaced = Spec.List.Given([
        new ConstituenciesPublished(ListId, [new Constituency("dv1", "Đơn vị số 1", 2), new Constituency("dv2", "Đơn vị số 2", 2)], "ubbc", "QĐ-DV", TestTerms.Now),
        .. Names.Select((name, i) => new CandidateRegistered(ListId, $"c{i}", name, null, TestTerms.Now)),
    ]);

    private static Func<CandidateList, Decision> Places(params (string CandidacyId, string ConstituencyId)[] assignments) =>
        list => AssignConstituencies.Decide(
            new AssignConstituencies(ProcessId, [.. assignments.Select(a => new AssignConstituency(ProcessId, a.CandidacyId, a.ConstituencyId, "clerk"))]),
            list, TestTerms.Now);

    [Fact]
    public void Every_candidate_of_the_batch_is_placed_where_the_clerk_chose() =>
        Assert.Equal(["dv1", "dv2", "dv1"], Unplaced.When(Places(("c0", "dv1"), ("c1", "dv2"), ("c2", "dv1"))).ThenState().Entries.Select(entry => entry.ConstituencyId));

    [Fact]
    public void An_unknown_constituency_refuses_the_batch_naming_that_candidate()
    {
        var refusal = Unplaced.When(Places(("c0", "dv1"), ("c1", "dv9"))).ThenRefused(AssignConstituencies.AssignmentsRefused);

        var item = Assert.Single(refusal.Items!);
        Assert.Equal((2, "Trần Thị Ánh", ListRefusals.UnknownConstituency), (item.Position, item.Label, item.Refusal.Code));
    }

    [Fact]
    public void Every_refused_placement_is_named_in_the_refusal()
    {
        var refusal = Unplaced.When(Places(("c9", "dv1"), ("c1", "dv2"), ("c2", "dv9"))).ThenRefused(AssignConstituencies.AssignmentsRefused);

        Assert.Equal([(1, "c9", ListRefusals.UnknownCandidate), (3, "Lê Văn Bình", ListRefusals.UnknownConstituency)],
            refusal.Items!.Select(item => (item.Position, item.Label, item.Refusal.Code)));
    }

    [Fact]
    public void A_candidate_placed_twice_stands_where_the_later_placement_puts_them() =>
        Assert.Equal("dv2", Unplaced.When(Places(("c0", "dv1"), ("c0", "dv2"))).ThenState().Entry("c0")!.ConstituencyId);

    [Fact]
    public void A_candidate_struck_from_the_list_is_not_placed_in_the_batch()
    {
        var struck = Unplaced.Given(new CandidateStruckFromList(ListId, "c1", "eligibility", "Không đủ tuổi", TestTerms.Now));

        var refusal = struck.When(Places(("c0", "dv1"), ("c1", "dv1"))).ThenRefused(AssignConstituencies.AssignmentsRefused);

        Assert.Equal([ListRefusals.CandidateNotStanding], refusal.Items!.Select(item => item.Refusal.Code));
    }
}
