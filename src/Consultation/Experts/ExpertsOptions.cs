namespace Nq45Consult.Consultation.Experts;

/// <summary>Settings of the expert registry (<c>Experts</c> section).</summary>
public sealed class ExpertsOptions
{
    public const string Section = "Experts";

    /// <summary>Targets the statistics page measures progress against; defaults are the seed plan's 2030 figures (section II).</summary>
    public ExpertTargets Targets { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (Targets.UniversityGraduates < 0) yield return $"{Section}:Targets:UniversityGraduates must not be negative.";
        if (Targets.DoctorateSharePercent is < 0 or > 100) yield return $"{Section}:Targets:DoctorateSharePercent must be between 0 and 100.";
        if (Targets.MasterSharePercent is < 0 or > 100) yield return $"{Section}:Targets:MasterSharePercent must be between 0 and 100.";
        if (Targets.ScienceEnterprises < 0) yield return $"{Section}:Targets:ScienceEnterprises must not be negative.";
    }
}

public sealed class ExpertTargets
{
    /// <summary>People with a university degree or higher ("trên 90.000 người").</summary>
    public int UniversityGraduates { get; set; } = 90_000;

    /// <summary>Doctors (TS, TSKH) among them, in percent ("0,5% trở lên").</summary>
    public double DoctorateSharePercent { get; set; } = 0.5;

    /// <summary>Masters among them, in percent ("12% trở lên").</summary>
    public double MasterSharePercent { get; set; } = 12;

    /// <summary>Science and technology enterprises ("trên 30 doanh nghiệp"); the registry does not hold them, so it is shown as a target only.</summary>
    public int ScienceEnterprises { get; set; } = 30;
}
