namespace Nq45Consult.Consultation.OpinionMap.Reporting;

/// <summary>
/// Who a group is, for moderators, in aggregate only: how many of its members have each field, each degree and each
/// member association (null: the profile does not say). One person may have several fields.
/// </summary>
public sealed record GroupProfile(int Group, int Size, IReadOnlyList<ProfileCount> ByField, IReadOnlyList<ProfileCount> ByDegree, IReadOnlyList<ProfileCount> ByAssociation);

public sealed record ProfileCount(string? Value, int Count);
