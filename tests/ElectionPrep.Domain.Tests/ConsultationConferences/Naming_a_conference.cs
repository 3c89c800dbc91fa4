using ElectionPrep.CandidateLists;

namespace ElectionPrep.ConsultationConferences;

public class Naming_a_conference
{
    [Fact]
    public void A_conference_id_gives_back_its_process_and_round()
    {
        Assert.True(ConsultationConference.TryParseId(ConsultationConference.IdFor("2021-2026.commune-council.01834", 2), out var process, out var round));
        Assert.Equal(("2021-2026.commune-council.01834", 2), (process, round));
    }

    [Theory]
    [InlineData("2021-2026.commune-council.01834")]
    [InlineData("2021-2026.commune-council.01834.round-")]
    [InlineData("2021-2026.commune-council.01834.round-x")]
    [InlineData(".round-2")]
    public void Other_ids_are_not_conferences(string id) =>
        Assert.False(ConsultationConference.TryParseId(id, out _, out _));

    [Fact]
    public void A_list_id_gives_back_its_process() =>
        Assert.Equal("p", CandidateList.ProcessIdOf(CandidateList.IdFor("p")));

    [Fact]
    public void Other_ids_are_not_lists() =>
        Assert.Null(CandidateList.ProcessIdOf("p"));
}
