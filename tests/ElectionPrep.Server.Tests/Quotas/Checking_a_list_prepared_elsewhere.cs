using ElectionPrep.Infrastructure;

namespace ElectionPrep.Quotas;

public class Checking_a_list_prepared_elsewhere
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Quotas", "sample-official-list.csv");

    [Fact]
    public async Task The_command_fails_on_a_missed_legal_requirement_reporting_each_rule()
    {
        await using var command = ServerProcess.Start(new Dictionary<string, string>(), "evaluate-list", "--term", "2021-2026", "--file", Sample, "--council", "commune-council", "--jurisdiction", "01834");

        Assert.Equal(1, await command.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Election of the 15th National Assembly and People's Councils, term 2021–2026: commune-council v1", command.Output, StringComparison.Ordinal);
        Assert.Contains("sample-official-list.csv: 6 candidates, rule set commune-council v1", command.Output, StringComparison.Ordinal);
        Assert.Contains("Fail council-women: 2/6 = 33.33% (bound ≥ 35%, Requirement) Cần thêm 1 người", command.Output, StringComparison.Ordinal);
        Assert.Contains("1 more needed (Women at least 35% of the official list). [Luật 85/2015/QH13, Điều 9 khoản 3; NQ 1187/NQ-UBTVQH14]", command.Output, StringComparison.Ordinal);
        Assert.Contains("Pass council-non-party: 2/6 = 33.33%", command.Output, StringComparison.Ordinal);
        Assert.Contains("Warn council-ethnic-minority: 3/6 = 50", command.Output, StringComparison.Ordinal);
        Assert.Contains("(bound ≥ 88.02%, Target)", command.Output, StringComparison.Ordinal);
        Assert.Contains("Pass council-woman-per-constituency [dv1]: 1/3", command.Output, StringComparison.Ordinal);
        Assert.Contains("Pass council-woman-per-constituency [dv2]: 1/3", command.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_that_meets_every_requirement_passes()
    {
        var balanced = Path.Combine(Path.GetTempPath(), $"balanced-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(balanced, File.ReadAllLines(Sample).Select(line => line.Replace("Phạm Văn Dũng,1970-07-08,Male", "Phạm Thị Dung,1970-07-08,Female", StringComparison.Ordinal)));
        try
        {
            await using var command = ServerProcess.Start(new Dictionary<string, string>(), "evaluate-list", "--file", balanced, "--council", "national-assembly-provincial");

            Assert.Equal(0, await command.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Pass na-women: 3/6 = 50", command.Output, StringComparison.Ordinal);
            Assert.Contains("Pass na-ethnic-minority: 3/6 = 50", command.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(balanced);
        }
    }
}
