namespace ElectionPrep.Audit;

public class Ordering_the_log
{
    private static readonly DateTimeOffset Noon = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private static AuditEntry Entry(long sequence, string stream, long version, DateTimeOffset at) =>
        new(sequence, $"e{sequence}", stream, version, "step_completed", at, "thu.ky", null, null, "hash", null);

    [Fact]
    public void Interleaved_streams_counting_up_with_times_a_little_out_of_order_are_in_order() =>
        Assert.Empty(AuditOrder.CheckAll(
        [
            Entry(1, "a", 1, Noon), Entry(2, "b", 1, Noon.AddSeconds(2)), Entry(3, "a", 2, Noon.AddSeconds(1)), Entry(5, "b", 2, Noon.AddSeconds(3)),
        ], Tolerance));

    [Fact]
    public void A_skipped_version_is_named_with_the_version_it_follows_and_its_sequence()
    {
        var problem = Assert.Single(AuditOrder.CheckAll([Entry(1, "a", 1, Noon), Entry(2, "a", 2, Noon), Entry(3, "a", 4, Noon)], Tolerance));

        Assert.Equal(AuditOrderProblem.Spliced, problem.Kind);
        Assert.Equal("SPLICED: stream a version 4 follows version 2 at sequence 3 (expected version 3)", problem.Description);
    }

    [Fact]
    public void A_stream_that_does_not_start_at_version_1_is_spliced() =>
        Assert.Equal("SPLICED: stream a version 2 starts the stream at sequence 7 (expected version 1)",
            Assert.Single(AuditOrder.CheckAll([Entry(7, "a", 2, Noon)], Tolerance)).Description);

    [Fact]
    public void An_event_dated_before_the_latest_logged_one_beyond_the_tolerance_is_back_dated()
    {
        var problem = Assert.Single(AuditOrder.CheckAll([Entry(1, "a", 1, Noon), Entry(2, "b", 1, Noon.AddHours(1)), Entry(3, "a", 2, Noon.AddMinutes(54))], Tolerance));

        Assert.Equal(AuditOrderProblem.BackDated, problem.Kind);
        Assert.Equal("BACK-DATED: stream a version 2 at sequence 3 is dated 2021-03-01T12:54:00.0000000Z, before sequence 2 dated 2021-03-01T13:00:00.0000000Z (tolerance 00:05:00)",
            problem.Description);
    }

    [Fact]
    public void An_event_within_the_tolerance_of_the_latest_is_not_back_dated() =>
        Assert.Empty(AuditOrder.CheckAll([Entry(1, "a", 1, Noon), Entry(2, "b", 1, Noon.AddMinutes(4))], Tolerance));

    [Fact]
    public void Martens_placeholders_for_the_numbers_of_a_failed_transaction_are_outside_the_order() =>
        Assert.Empty(AuditOrder.CheckAll(
        [
            Entry(1, "a", 1, Noon), Entry(2, "mt_tombstone", 2, DateTimeOffset.MinValue) with { EventType = "tombstone" },
            Entry(4, "mt_tombstone", 4, DateTimeOffset.MinValue) with { EventType = "tombstone" }, Entry(5, "a", 2, Noon),
        ], Tolerance));

    [Fact]
    public void Another_event_in_the_placeholders_stream_is_checked_like_any_other() =>
        Assert.Equal(AuditOrderProblem.Spliced, Assert.Single(AuditOrder.CheckAll([Entry(3, "mt_tombstone", 3, Noon)], Tolerance)).Kind);
}
