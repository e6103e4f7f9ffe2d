using System.Text;
using Nq45Consult.Consultation.Feedback.Likeness;

namespace Nq45Consult.Consultation.Tests.Feedback;

/// <summary>Trigram similarity as pg_trgm computes it, and the LSH buckets that find near-duplicate candidates.</summary>
public class TextLikenessTests
{
    private const string Campaign = "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa";
    private const string Edited = "Chúng tôi đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên ở vùng sâu, vùng xa.";
    private const string LookAlike = "Đề nghị sửa quy định về thời gian nghỉ phép của bác sĩ tuyến huyện";
    private const string Unrelated = "Cần bổ sung kinh phí bảo trì đường giao thông nông thôn cho các tỉnh miền núi phía Bắc";

    private static string Unpack(ulong trigram) => new([(char)(trigram >> 32), (char)((trigram >> 16) & 0xFFFF), (char)(trigram & 0xFFFF)]);

    [Fact]
    public void Words_are_lower_cased_and_padded_as_pg_trgm_pads_them()
    {
        Assert.Equal(["  n", "  đ", " ng", " đề", "ghị", "hị ", "ngh", "đề "], TextLikeness.Trigrams("ĐỀ, nghị!").Select(Unpack).Order(StringComparer.Ordinal));
        Assert.Equal(["  a", " a "], TextLikeness.Trigrams("a a A").Select(Unpack).Order(StringComparer.Ordinal));
        Assert.Empty(TextLikeness.Trigrams(" .,; "));
    }

    [Fact]
    public void Diacritics_are_letters_whatever_the_database_locale_and_however_they_were_typed()
    {
        // A tone mark typed as its own code point (decomposed) is the same letter as the composed one.
        Assert.Equal(TextLikeness.Trigrams(Campaign), TextLikeness.Trigrams(Campaign.Normalize(NormalizationForm.FormD)));
        // Letters with diacritics are letters (under a C ctype pg_trgm drops them: "nghị" reads "ngh"), and they are
        // not folded: 5 of 19 trigrams shared.
        Assert.Equal(5.0 / 19, TextLikeness.Similarity("đề nghị giữ", "de nghi giu"), 6);
    }

    [Fact]
    public void Similarity_is_pg_trgm_similarity()
    {
        // PostgreSQL's documented example: similarity('word', 'two words') = 0.36363637 (4 shared of 11 trigrams).
        Assert.Equal(4.0 / 11, TextLikeness.Similarity("word", "two words"), 6);
        Assert.Equal(1, TextLikeness.Similarity(Campaign, Campaign.ToUpperInvariant() + "!"));
        Assert.Equal(0, TextLikeness.Similarity("", "..."));
        Assert.InRange(TextLikeness.Similarity(Campaign, Edited), 0.6, 0.95);
        Assert.InRange(TextLikeness.Similarity(Campaign, LookAlike), 0.3, 0.5);
        Assert.InRange(TextLikeness.Similarity(Campaign, Unrelated), 0, 0.25);
    }

    [Fact]
    public void Pairs_at_the_threshold_are_nearly_always_candidates_and_unrelated_pairs_seldom()
    {
        Assert.True(TextLikeness.CandidateProbability(0.6) > 0.95);
        Assert.True(TextLikeness.CandidateProbability(0.7) > 0.999);
        Assert.True(TextLikeness.CandidateProbability(0.3) < 0.1);
        Assert.True(TextLikeness.CandidateProbability(0.15) < 0.01);
    }

    [Fact]
    public void Alike_is_similarity_at_or_above_the_threshold()
    {
        foreach (var (a, b) in new[] { (Campaign, Edited), (Campaign, LookAlike), (Campaign, Unrelated), ("word", "two words"), ("abc", "abc"), ("", "") })
        {
            var (x, y) = (TextLikeness.Trigrams(a), TextLikeness.Trigrams(b));
            foreach (var threshold in new[] { 0.1, 0.3, 4.0 / 11, 0.37, 0.6, 0.9, 1.0 })
                Assert.Equal(TextLikeness.Similarity(x, y) >= threshold, TextLikeness.Alike(x, y, threshold));
        }
    }

    [Fact]
    public void A_near_duplicate_shares_a_band_bucket_and_its_sketch_agrees_and_an_unrelated_text_neither()
    {
        var campaign = TextLikeness.Sign(Campaign);
        Assert.Equal(TextLikeness.Bands, campaign.Buckets.Length);
        Assert.Equal(campaign.Buckets, TextLikeness.Sign(Campaign.ToUpperInvariant()).Buckets);
        var edited = TextLikeness.Sign(Edited);
        Assert.NotEmpty(campaign.Buckets.Intersect(edited.Buckets));
        Assert.True(TextLikeness.SketchesAgree(campaign.Sketch, edited.Sketch, 0.6));
        var unrelated = TextLikeness.Sign(Unrelated);
        Assert.Empty(campaign.Buckets.Intersect(unrelated.Buckets));
        Assert.False(TextLikeness.SketchesAgree(campaign.Sketch, unrelated.Sketch, 0.6));
        Assert.Empty(TextLikeness.Sign("...").Buckets);
        // A pair at 0.6 agrees in 77 of 128 places on average (sd 5.5); 54 are needed.
        Assert.Equal(54, TextLikeness.SketchAgreement(0.6));
    }

    [Fact]
    public void A_signature_is_stored_as_bytes_and_read_back_alike()
    {
        var signature = TextLikeness.Sign(Campaign);
        var stored = LikenessSignatures.Pack(signature);
        Assert.Equal(TextLikeness.Bands * sizeof(long) + TextLikeness.SketchLength, stored.Length);
        var read = LikenessSignatures.Unpack(stored);
        Assert.Equal(signature.Buckets, read.Buckets);
        Assert.Equal(signature.Sketch, read.Sketch);
        Assert.Empty(LikenessSignatures.Unpack(LikenessSignatures.Pack(TextLikeness.Sign(""))).Buckets);
    }
}
