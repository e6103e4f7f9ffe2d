using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Experts.Registry;

public sealed record Count(string Key, string Label, int Value);

/// <summary>Progress towards one target: <see cref="Current"/> is null when the registry does not hold the figure.</summary>
public sealed record TargetProgress(string Key, string Label, double Target, double? Current, string Unit);

public sealed record ExpertStatistics(
    int Total, IReadOnlyList<Count> ByDegree, IReadOnlyList<Count> ByTitle, IReadOnlyList<Count> ByField,
    IReadOnlyList<Count> ByAssociation, IReadOnlyList<Count> ByProvince, IReadOnlyList<TargetProgress> Targets)
{
    public static ExpertStatistics Of(IReadOnlyList<Row> rows, IReadOnlyList<string> fields, IReadOnlyList<MemberAssociation> associations, ExpertTargets targets)
    {
        var byDegree = Enum.GetValues<Degree>()
            .Select(d => new Count(KebabCase.Name(d), ExpertVocabulary.Label(d), rows.Count(r => r.Degree == d))).ToList();
        var byTitle = Enum.GetValues<AcademicTitle>()
            .Select(t => new Count(KebabCase.Name(t), t == AcademicTitle.None ? DomainText.StatsNoTitle : ExpertVocabulary.Abbreviation(t), rows.Count(r => r.AcademicTitle == t))).ToList();
        var byField = fields.Select(f => new Count(f, f, rows.Count(r => r.Fields.Contains(f)))).ToList();
        var byAssociation = associations
            .Select(a => new Count(a.Id.ToString(), a.Name, rows.Count(r => r.AssociationId == a.Id)))
            .Append(new Count("none", DomainText.StatsNoAssociation, rows.Count(r => r.AssociationId is null)))
            .ToList();
        var inside = rows.Count(r => r.InProvince);
        List<Count> byProvince = [new("in-province", DomainText.StatsInProvince, inside), new("out-of-province", DomainText.StatsOutOfProvince, rows.Count - inside)];

        var graduates = rows.Count(r => r.Degree != Degree.Other);
        var doctors = rows.Count(r => r.Degree is Degree.Ts or Degree.Tskh);
        var masters = rows.Count(r => r.Degree == Degree.Ths);
        List<TargetProgress> progress =
        [
            new("university-graduates", DomainText.StatsUniversityGraduates, targets.UniversityGraduates, graduates, DomainText.StatsUnitPeople),
            new("doctorate-share", DomainText.StatsDoctorateShare, targets.DoctorateSharePercent, Percent(doctors, graduates), "%"),
            new("master-share", DomainText.StatsMasterShare, targets.MasterSharePercent, Percent(masters, graduates), "%"),
            new("science-enterprises", DomainText.StatsScienceEnterprises, targets.ScienceEnterprises, null, DomainText.StatsUnitEnterprises),
        ];
        return new ExpertStatistics(rows.Count, byDegree, byTitle, byField, byAssociation, byProvince, progress);
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 2);

    public sealed record Row(Degree Degree, AcademicTitle AcademicTitle, IReadOnlyList<string> Fields, Guid? AssociationId, bool InProvince);
}
