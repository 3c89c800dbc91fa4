using System.Text.Json;
using JasperFx.CommandLine;

namespace ElectionPrep.Audit;

public class AuditVerifyInput
{
    [Description("The export to check, as downloaded from /api/audit/export")]
    public string FileFlag { get; set; } = "";

    [Description("How far an event may be dated before one logged earlier, in seconds (clock skew between nodes); 300 unless given")]
    public int ClockToleranceFlag { get; set; } = (int)AuditOrder.DefaultClockTolerance.TotalSeconds;
}

/// <summary>An observer's check of an export, without the server: exit code 1 and the broken event named when anything was altered.</summary>
[Description("Verify an audit export: leaves, Merkle roots and checkpoint signatures; names any event altered, deleted or spliced in", Name = "audit-verify")]
public class AuditVerifyCommand : JasperFxCommand<AuditVerifyInput>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public override bool Execute(AuditVerifyInput input)
    {
        if (!File.Exists(input.FileFlag))
        {
            Console.Error.WriteLine("Usage: audit-verify --file <export.json>");
            return false;
        }

        var export = JsonSerializer.Deserialize<AuditExport>(File.ReadAllText(input.FileFlag), Web)!;
        var result = AuditVerifier.Verify(export, TimeSpan.FromSeconds(input.ClockToleranceFlag));
        foreach (var line in result.Confirmations) Console.WriteLine(line);
        foreach (var line in result.Problems) Console.WriteLine(line);
        Console.WriteLine(result.Valid
            ? $"VERIFIED: {export.Leaves.Count} events, {export.Checkpoints.Count} signed checkpoints"
            : $"FAILED: {result.Problems.Count} problem(s)");
        return result.Valid;
    }
}
