using ElectionPrep.Infrastructure;

namespace ElectionPrep.Quotas;

public class Checking_a_list_prepared_elsewhere
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Quotas", "sample-official-list.csv");

    [Fact]
    public async Task The_command_fails_on_a_missed_legal_requirement_reporting_each_rule()
    {
        await using var command = ServerProcess.Start(new Dictionary<string, string>(), "evaluate-list", "--file", Sample, "--council", "commune-council", "--jurisdiction", "01834", "--term", "2021-2026");

        Assert.Equal(1, await command.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("sample-official-list.csv: 6 candidates, term 2021-2026, rule set commune-council v1", command.Output, StringComparison.Ordinal);
        Assert.Contains("Fail council-women: 2/6 = 33.33% (bound ≥ 35%, Requirement, base Candidates, rounding Exact) Cần thêm 1 người", command.Output, StringComparison.Ordinal);
        Assert.Contains("1 more needed (Women at least 35% of the official list). [Luật 85/2015/QH13, Điều 9 khoản 3; NQ 1187/NQ-UBTVQH14]", command.Output, StringComparison.Ordinal);
        Assert.Contains("Pass council-non-party: 2/6 = 33.33%", command.Output, StringComparison.Ordinal);
        Assert.Contains("Warn council-ethnic-minority: 3/6 = 50", command.Output, StringComparison.Ordinal);
        Assert.Contains("(bound ≥ 88.02%, Target, base Candidates, rounding Exact)", command.Output, StringComparison.Ordinal);
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
            await using var command = ServerProcess.Start(new Dictionary<string, string>(), "evaluate-list", "--file", balanced, "--council", "national-assembly-provincial", "--term", "2021-2026");

            Assert.Equal(0, await command.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Pass na-women: 3/6 = 50", command.Output, StringComparison.Ordinal);
            Assert.Contains("Pass na-ethnic-minority: 3/6 = 50", command.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(balanced);
        }
    }

    [Fact]
    public async Task A_list_without_incumbency_reports_the_re_election_target_not_evaluable()
    {
        await using var command = ServerProcess.Start(new Dictionary<string, string>(), "evaluate-list", "--file", Sample, "--council", "national-assembly-provincial", "--term", "2021-2026");

        await command.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("NotEvaluable na-re-elected: (bound ≥ 32%, Target, base Elected, rounding Exact) Không đánh giá được: thiếu cột Đại biểu đương nhiệm. / Not evaluable: missing column incumbent.",
            command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("na-re-elected: 0/", command.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_with_Vietnamese_headers_is_read_as_the_English_one()
    {
        var vietnamese = Path.Combine(Path.GetTempPath(), $"vietnamese-{Guid.NewGuid():N}.csv");
        var lines = File.ReadAllLines(Sample);
        lines[0] = "Mã đơn vị bầu cử,Đơn vị bầu cử,Số đại biểu được bầu,Số thứ tự,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Nơi cư trú,Trình độ học vấn,"
            + "\"Nghề nghiệp, chức vụ\",Nơi công tác,Đảng viên,\"Cơ quan, tổ chức giới thiệu\"";
        File.WriteAllLines(vietnamese, lines);
        try
        {
            await using var command = ServerProcess.Start(new Dictionary<string, string>(), "evaluate-list", "--file", vietnamese, "--council", "commune-council", "--jurisdiction", "01834", "--term", "2021-2026");

            Assert.Equal(1, await command.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Fail council-women: 2/6 = 33.33%", command.Output, StringComparison.Ordinal);
            Assert.Contains("Pass council-non-party: 2/6 = 33.33%", command.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(vietnamese);
        }
    }
}
