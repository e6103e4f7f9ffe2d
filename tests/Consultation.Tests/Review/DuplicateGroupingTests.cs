using Nq45Consult.Consultation.Feedback.Likeness;
using Nq45Consult.Consultation.Review.Dashboard;

namespace Nq45Consult.Consultation.Tests.Review;

/// <summary>Grouping compares only items that share a bucket, and within a bucket only with its leaders.</summary>
public class DuplicateGroupingTests
{
    private const double Threshold = 0.6;

    private static IReadOnlyList<int[]> Group(string[] texts, Func<int, long[]>? buckets = null)
    {
        var trigrams = texts.Select(TextLikeness.Trigrams).ToArray();
        var signatures = texts.Select(TextLikeness.Sign).ToList();
        if (buckets is not null) signatures = [.. signatures.Select((s, i) => s with { Buckets = buckets(i) })];
        return DuplicateGrouping.Groups(texts.Length, DuplicateGrouping.Candidates(signatures, Threshold), i => trigrams[i], Threshold);
    }

    [Fact]
    public void Copies_and_edited_copies_group_transitively_and_unrelated_items_stay_apart()
    {
        var groups = Group([
            "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa",
            "Cần bổ sung kinh phí bảo trì đường giao thông nông thôn cho các tỉnh miền núi phía Bắc",
            "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa. Trân trọng.",
            "Đề nghị sửa quy định về thời gian nghỉ phép của bác sĩ tuyến huyện",
            "Cần bổ sung kinh phí bảo trì đường giao thông nông thôn cho các tỉnh miền núi phía Bắc!",
            "đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa nhé",
        ]);
        Assert.Equal([[0, 2, 5], [1, 4]], groups);
    }

    [Fact]
    public void Near_duplicates_behind_an_unrelated_first_member_of_a_bucket_are_still_found()
    {
        // All in one bucket; the first is unrelated to the two look-alikes after it.
        var groups = Group([
            "Cần bổ sung kinh phí bảo trì đường giao thông nông thôn",
            "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên",
            "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên.",
        ], _ => [42]);
        Assert.Equal([[1, 2]], groups);
    }

    [Fact]
    public void Thousands_of_copies_in_one_bucket_cost_comparisons_in_proportion_to_their_number()
    {
        const int Copies = 5_000;
        const string Text = "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa";
        var signature = TextLikeness.Sign(Text);
        var candidates = DuplicateGrouping.Candidates([.. Enumerable.Repeat(signature, Copies)], Threshold);
        // Each copy against the first, the buckets' leader, in every band: one pair per copy.
        Assert.Equal(Copies - 1, candidates.Count);
        var trigrams = TextLikeness.Trigrams(Text);
        var looks = 0;
        var groups = DuplicateGrouping.Groups(Copies, candidates, _ =>
        {
            looks++;
            return trigrams;
        }, Threshold);
        Assert.Equal(Copies, Assert.Single(groups).Length);
        Assert.Equal(2 * (Copies - 1), looks);
    }
}
