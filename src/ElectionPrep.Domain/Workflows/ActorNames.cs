using ElectionPrep.Common;

namespace ElectionPrep.Workflows;

/// <summary>Tên gọi vai trò và cơ quan: what a person reads for each role and body, in refusals as on the pages.</summary>
public static class ActorNames
{
    public static BilingualText Of(ActorRole role) => role switch
    {
        ActorRole.Administrator => new("Quản trị hệ thống", "Administrator"),
        ActorRole.CommitteeChair => new("Chủ tịch Ủy ban MTTQ", "Front committee chair"),
        ActorRole.CommitteeMember => new("Ủy viên Ban Thường trực", "Front committee member"),
        ActorRole.Clerk => new("Cán bộ nghiệp vụ", "Clerk"),
        ActorRole.Observer => new("Người giám sát", "Observer"),
        _ => new(role.ToString(), role.ToString()),
    };

    public static BilingualText Of(Body body) => body switch
    {
        Body.FrontStandingBoard => new("Ban Thường trực Ủy ban MTTQ", "Front standing board"),
        Body.NationalAssemblyStandingCommittee => new("Ủy ban Thường vụ Quốc hội", "NA Standing Committee"),
        Body.CouncilStandingBody => new("Thường trực HĐND", "Council standing body"),
        Body.NationalElectionCouncil => new("Hội đồng bầu cử quốc gia", "National Election Council"),
        Body.ElectionCommittee => new("Ủy ban bầu cử", "Election committee"),
        Body.PeoplesCommittee => new("Ủy ban nhân dân", "People's committee"),
        Body.NominatingBodies => new("Cơ quan, tổ chức giới thiệu", "Nominating bodies"),
        _ => new(body.ToString(), body.ToString()),
    };

    /// <summary>Several roles as one phrase, e.g. "Chủ tịch Ủy ban MTTQ, Cán bộ nghiệp vụ".</summary>
    public static BilingualText Of(IEnumerable<ActorRole> roles)
    {
        var names = roles.Select(Of).ToList();
        return new(string.Join(", ", names.Select(name => name.Vi)), string.Join(", ", names.Select(name => name.En)));
    }
}
