using System.Text.Json.Nodes;

namespace ElectionPrep.Audit;

public class Checking_protected_data_against_its_commitment
{
    private static readonly byte[] Salt = Convert.FromHexString("00112233445566778899aabbccddeeff");

    private static JsonObject Data(string citizenId) => new JsonObject { ["CitizenId"] = citizenId, ["ResidenceAddress"] = "Tổ 5", ["Phone"] = null };

    private static readonly string Committed = AuditData.Commitment(Salt, Data("001185000001"));

    [Fact]
    public void The_data_committed_to_matches() =>
        Assert.Equal(ProtectedDataState.Matches, AuditData.Check(Data("001185000001"), Committed, Convert.ToHexStringLower(Salt)));

    [Fact]
    public void A_changed_citizen_id_does_not() =>
        Assert.Equal(ProtectedDataState.Mismatch, AuditData.Check(Data("001185999999"), Committed, Convert.ToHexStringLower(Salt)));

    [Fact]
    public void Removed_protected_data_with_its_salt_kept_does_not() =>
        Assert.Equal(ProtectedDataState.Mismatch, AuditData.Check(null, Committed, Convert.ToHexStringLower(Salt)));

    [Fact]
    public void Values_replaced_by_the_mask_are_masked() =>
        Assert.Equal(ProtectedDataState.Masked, AuditData.Check(new JsonObject { ["CitizenId"] = "***", ["ResidenceAddress"] = "***", ["Phone"] = null }, Committed,
            Convert.ToHexStringLower(Salt)));

    [Fact]
    public void Data_whose_salt_was_deleted_is_masked() =>
        Assert.Equal(ProtectedDataState.Masked, AuditData.Check(Data("001185999999"), Committed, null));
}
