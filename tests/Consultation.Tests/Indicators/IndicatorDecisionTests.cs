using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Indicators.Changing;
using Nq45Consult.Consultation.Indicators.Defaults;
using Nq45Consult.Consultation.Indicators.Defining;
using Nq45Consult.Consultation.Indicators.Retiring;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Consultation.Tests.Indicators;

public class IndicatorDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Admin = Caller.Of("admin", "Quản trị", Role.Admin);
    private static readonly Caller Moderator = Caller.Of("moderator", "Người điều hành", Role.Moderator);
    private static readonly Caller Expert = Caller.Of("expert1", "Chuyên gia", Role.Expert);
    private static readonly IReadOnlyList<string> Fields = ["y tế", "công nghệ thông tin"];

    private static IndicatorInput Doctors(string nameVi = "Tỷ lệ tiến sĩ", double? target = 0.5) => new(
        nameVi, "Doctorate share", "share", [new FilterInput(null, "ts", null, null, null, null)],
        [new FilterInput(null, "ths", null, null, null, null), new FilterInput(null, "ts", null, null, null, null)], target, "2030-12-31", null);

    private static Indicator Defined(IndicatorInput input, bool retired = false)
    {
        var id = Guid.NewGuid();
        var events = DefineIndicator.Decide(new DefineIndicator(input, Admin), Fields, [], id, Now).Events;
        var indicator = IndicatorProjection.Create(Assert.IsType<IndicatorDefined>(events[0]));
        if (events.Count > 1) indicator = IndicatorProjection.Apply(Assert.IsType<IndicatorFigureRecorded>(events[1]), indicator);
        return retired ? IndicatorProjection.Apply(new IndicatorRetired(id, Now, "admin"), indicator) : indicator;
    }

    [Fact]
    public void Only_an_admin_defines_an_indicator_as_registry_filters_and_bad_input_names_each_field()
    {
        var accepted = DefineIndicator.Decide(new DefineIndicator(Doctors(), Admin), Fields, [], Guid.NewGuid(), Now);
        var defined = Assert.IsType<IndicatorDefined>(Assert.Single(accepted.Events));
        Assert.Equal(IndicatorMeasure.Share, defined.Spec.Measure);
        Assert.Equal([new RegistryFilter(Degree: Degree.Ts)], defined.Spec.Filters);
        Assert.Equal(2, defined.Spec.Base.Count);
        Assert.Equal(new DateOnly(2030, 12, 31), defined.Spec.Deadline);

        Assert.Equal(Refusal.Forbidden, DefineIndicator.Decide(new DefineIndicator(Doctors(), Moderator), Fields, [], Guid.NewGuid(), Now).Refusal);

        var bad = DefineIndicator.Decide(new DefineIndicator(new IndicatorInput(
            " ", "x", "average", [new FilterInput("thiên văn", "giáo sư", null, "không-phải-mã", null, null)], null, -1, "31/12/2030", null), Admin),
            Fields, [], Guid.NewGuid(), Now);
        Assert.Equal(Refusal.Invalid, bad.Refusal);
        Assert.Equal(["deadline", "filters[0].association", "filters[0].degree", "filters[0].field", "measure", "nameVi", "target"], bad.Errors.Keys.Order(StringComparer.Ordinal));

        var share = DefineIndicator.Decide(new DefineIndicator(Doctors(target: 101) with { Base = [], Figure = 3 }, Admin), Fields, [], Guid.NewGuid(), Now);
        Assert.Equal(["base", "figure", "target"], share.Errors.Keys.Order(StringComparer.Ordinal));
        var count = DefineIndicator.Decide(new DefineIndicator(Doctors() with { Measure = "count", Filters = [] }, Admin), Fields, [], Guid.NewGuid(), Now);
        Assert.Equal(["filters"], count.Errors.Keys);
    }

    [Fact]
    public void A_name_is_used_by_one_followed_indicator_at_a_time_whatever_its_case_and_diacritics()
    {
        var existing = Defined(Doctors());
        var again = DefineIndicator.Decide(new DefineIndicator(Doctors("TY LE TIEN SI"), Admin), Fields, [existing], Guid.NewGuid(), Now);
        Assert.Equal(["nameVi"], again.Errors.Keys);

        var retired = Defined(Doctors(), retired: true);
        Assert.True(DefineIndicator.Decide(new DefineIndicator(Doctors(), Admin), Fields, [retired], Guid.NewGuid(), Now).Accepted);
    }

    [Fact]
    public void A_manual_indicator_takes_a_figure_and_no_filters()
    {
        var input = new IndicatorInput("Doanh nghiệp KH&CN", "S&T enterprises", "manual", [new FilterInput(null, "ts", null, null, null, null)], null, 30, "2030-12-31", 12);
        var decision = DefineIndicator.Decide(new DefineIndicator(input, Admin), Fields, [], Guid.NewGuid(), Now);
        Assert.Equal(2, decision.Events.Count);
        var defined = Assert.IsType<IndicatorDefined>(decision.Events[0]);
        Assert.Empty(defined.Spec.Filters);
        Assert.Equal(12, Assert.IsType<IndicatorFigureRecorded>(decision.Events[1]).Value);
    }

    [Fact]
    public void A_change_records_only_what_changed_and_a_retired_indicator_no_longer_changes()
    {
        var manual = Defined(new IndicatorInput("Doanh nghiệp KH&CN", "S&T enterprises", "manual", null, null, 30, "2030-12-31", 12));
        var same = new IndicatorInput("Doanh nghiệp KH&CN", "S&T enterprises", "manual", null, null, 30, "2030-12-31", 12);
        Assert.Empty(ChangeIndicator.Decide(manual, new ChangeIndicator(manual.Id, same, Admin), Fields, [manual], Now).Events);

        var figure = ChangeIndicator.Decide(manual, new ChangeIndicator(manual.Id, same with { Figure = 15 }, Admin), Fields, [manual], Now);
        Assert.Equal(15, Assert.IsType<IndicatorFigureRecorded>(Assert.Single(figure.Events)).Value);

        var target = ChangeIndicator.Decide(manual, new ChangeIndicator(manual.Id, same with { Target = 40, Figure = null }, Admin), Fields, [manual], Now);
        Assert.Equal(40, Assert.IsType<IndicatorChanged>(Assert.Single(target.Events)).Spec.Target);

        Assert.Equal(Refusal.Forbidden, ChangeIndicator.Decide(manual, new ChangeIndicator(manual.Id, same, Moderator), Fields, [manual], Now).Refusal);
        Assert.Equal(Refusal.NotFound, ChangeIndicator.Decide(null, new ChangeIndicator(Guid.NewGuid(), same, Admin), Fields, [], Now).Refusal);
        var retired = manual with { Retired = true };
        Assert.Equal(Refusal.Conflict, ChangeIndicator.Decide(retired, new ChangeIndicator(manual.Id, same, Admin), Fields, [retired], Now).Refusal);
    }

    [Fact]
    public void Retiring_is_an_admins_once()
    {
        var indicator = Defined(Doctors());
        Assert.IsType<IndicatorRetired>(Assert.Single(RetireIndicator.Decide(indicator, new RetireIndicator(indicator.Id, Admin), Now).Events));
        Assert.Empty(RetireIndicator.Decide(indicator with { Retired = true }, new RetireIndicator(indicator.Id, Admin), Now).Events);
        Assert.Equal(Refusal.Forbidden, RetireIndicator.Decide(indicator, new RetireIndicator(indicator.Id, Moderator), Now).Refusal);
    }

    [Fact]
    public void A_snapshot_is_taken_by_staff_or_the_month_with_every_followed_value()
    {
        var doctors = Defined(Doctors());
        var values = new Dictionary<Guid, double?> { [doctors.Id] = 50 };
        var monthly = TakeSnapshot.Decide(TakeSnapshot.Monthly(new DateTimeOffset(2026, 6, 30, 18, 0, 0, TimeSpan.Zero)), [doctors], values, 4, Guid.NewGuid(), Now);
        var taken = Assert.IsType<IndicatorSnapshotTaken>(Assert.Single(monthly.Events));
        // 18:00 UTC on 30 June is 1 July in Vietnam.
        Assert.Equal("2026-07", taken.Month);
        Assert.Equal(SnapshotKind.Monthly, taken.Kind);
        Assert.Equal(TakeSnapshot.TakenBySystem, taken.TakenBy);
        Assert.Equal(50, Assert.Single(taken.Values).Value);
        Assert.Equal(4, taken.RegistrySize);

        var onDemand = Assert.IsType<IndicatorSnapshotTaken>(Assert.Single(TakeSnapshot.Decide(TakeSnapshot.OnDemand(Moderator), [doctors], values, 4, Guid.NewGuid(), Now).Events));
        Assert.Equal(SnapshotKind.OnDemand, onDemand.Kind);
        Assert.Null(onDemand.Month);
        Assert.Equal(Refusal.Forbidden, TakeSnapshot.Decide(TakeSnapshot.OnDemand(Expert), [doctors], values, 4, Guid.NewGuid(), Now).Refusal);
        Assert.Equal(Refusal.Conflict, TakeSnapshot.Decide(TakeSnapshot.OnDemand(Admin), [], values, 4, Guid.NewGuid(), Now).Refusal);
        Assert.Equal(IndicatorSnapshot.MonthlyId("2026-07"), IndicatorSnapshot.MonthlyId(TakeSnapshot.Monthly(Now.AddDays(30)).Month!));
    }

    [Fact]
    public void The_seed_plans_targets_are_defined_once_each_under_ids_of_their_own()
    {
        var command = new DefineDefaultIndicators(new ExpertTargets(), new DateOnly(2030, 12, 31));
        var all = DefineDefaultIndicators.Decide(command, new HashSet<Guid>(), Now).Events.Cast<IndicatorDefined>().ToList();
        Assert.Equal(new double[] { 90_000, 0.5, 12, 30 }, all.Select(d => d.Spec.Target));
        Assert.Equal([IndicatorMeasure.Count, IndicatorMeasure.Share, IndicatorMeasure.Share, IndicatorMeasure.Manual], all.Select(d => d.Spec.Measure));
        Assert.DoesNotContain(new RegistryFilter(Degree: Degree.Other), all[0].Spec.Filters);
        Assert.Equal(6, all[0].Spec.Filters.Count);

        var rest = DefineDefaultIndicators.Decide(command, all.Take(2).Select(d => d.IndicatorId).ToHashSet(), Now).Events.Cast<IndicatorDefined>();
        Assert.Equal(all.Skip(2).Select(d => d.IndicatorId), rest.Select(d => d.IndicatorId));
        Assert.Equal(DefineDefaultIndicators.IdOf("master-share"), all[2].IndicatorId);
    }
}
