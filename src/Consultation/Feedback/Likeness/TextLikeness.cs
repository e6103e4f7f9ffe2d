using System.Numerics;
using System.Text;

namespace Nq45Consult.Consultation.Feedback.Likeness;

/// <summary>
/// How alike two arguments read, as pg_trgm's similarity() measures it in a UTF-8 database — the share of trigrams
/// two texts have in common (Jaccard of their trigram sets) — but computed here, so that it does not depend on the
/// database's locale: words are runs of Unicode letters and digits (after composing, so a tone mark typed as a
/// separate code point stays in its word), lower-cased and padded as pg_trgm pads them ("  w "). Diacritics are
/// kept: folding them makes unrelated Vietnamese arguments look far more alike (docs/benchmarks.md).
/// Also a MinHash signature of the trigram set (<see cref="Sign(ReadOnlySpan{ulong})"/>), cut into LSH bands: two texts
/// share at least one band's bucket with a probability that rises steeply with their similarity
/// (<see cref="CandidateProbability"/>), so only items sharing a bucket need to be compared; and a sketch whose
/// agreement estimates a pair's similarity in a few instructions (<see cref="SketchesAgree"/>), so only likely pairs
/// are compared exactly. Stored signatures hold for these <see cref="Rows"/>, <see cref="Bands"/> and seeds: after
/// changing them, empty <c>feedback_likeness</c> and restart, which signs every item again.
/// </summary>
public static class TextLikeness
{
    /// <summary>MinHash values per band: a pair lands in the same bucket of one band with probability similarity^Rows.</summary>
    public const int Rows = 5;

    /// <summary>Bands per signature: a pair shares some bucket with probability 1 − (1 − similarity^Rows)^Bands.</summary>
    public const int Bands = 40;

    /// <summary>Probability that two texts of trigram similarity <paramref name="similarity"/> share at least one bucket.</summary>
    public static double CandidateProbability(double similarity) => 1 - Math.Pow(1 - Math.Pow(similarity, Rows), Bands);

    /// <summary>The text's distinct trigrams, sorted; each is three characters packed into one number.</summary>
    public static ulong[] Trigrams(string? text)
    {
        var trigrams = new List<ulong>();
        // The padded word so far, three characters at most: a word starts after two blanks and ends with one.
        ulong window = 0;
        var inWord = false;
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) window = ((ulong)' ' << 16) | ' ';
                window = ((window << 16) | char.ToLowerInvariant(c)) & 0xFFFF_FFFF_FFFF;
                trigrams.Add(window);
                inWord = true;
            }
            else if (inWord)
            {
                trigrams.Add(((window << 16) | ' ') & 0xFFFF_FFFF_FFFF);
                inWord = false;
            }
        }
        if (inWord) trigrams.Add(((window << 16) | ' ') & 0xFFFF_FFFF_FFFF);
        trigrams.Sort();
        var distinct = 0;
        for (var i = 0; i < trigrams.Count; i++)
            if (i == 0 || trigrams[i] != trigrams[distinct - 1]) trigrams[distinct++] = trigrams[i];
        return [.. trigrams.Take(distinct)];
    }

    /// <summary>Shared trigrams over all trigrams of the two (0 when neither has any), as pg_trgm's similarity().</summary>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var shared = Shared(a, b, 0);
        var union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>Whether the similarity of the two reaches <paramref name="threshold"/>: stops once too few trigrams are left to share.</summary>
    public static bool Alike(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, double threshold)
    {
        // shared / (|a| + |b| − shared) ≥ t  ⇔  shared ≥ t (|a| + |b|) / (1 + t)
        var needed = (int)Math.Ceiling(threshold * (a.Length + b.Length) / (1 + threshold) - 1e-9);
        return a.Length + b.Length > 0 && Shared(a, b, needed) >= needed;
    }

    /// <summary>How many trigrams two sorted sets share; less than <paramref name="needed"/> as soon as it cannot reach it.</summary>
    private static int Shared(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, int needed)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            // Without branches on the comparison, which is unpredictable: each side steps when it is not the larger.
            var (x, y) = (a[i], b[j]);
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
            if (shared + Math.Min(a.Length - i, b.Length - j) < needed) break;
        }
        return shared;
    }

    public static double Similarity(string? a, string? b) => Similarity(Trigrams(a), Trigrams(b));

    /// <summary>
    /// The signature of a trigram set: <see cref="Bands"/> bucket numbers, each a hash of the band's number and its
    /// <see cref="Rows"/> MinHash values, and a sketch of <see cref="SketchLength"/> of the MinHash values cut to their
    /// lowest byte. Empty for a text without trigrams. The seeds are fixed, so signatures stored at any time compare
    /// with signatures computed now.
    /// </summary>
    public static LikenessSignature Sign(ReadOnlySpan<ulong> trigrams)
    {
        if (trigrams.IsEmpty) return new([], []);
        // 32-bit MinHash values, so that one vector instruction computes several of them.
        Span<uint> minimum = stackalloc uint[Rows * Bands];
        minimum.Fill(uint.MaxValue);
        var lanes = Vector<uint>.Count;
        foreach (var trigram in trigrams)
        {
            var hash = (uint)Mix(trigram);
            var hashes = new Vector<uint>(hash);
            var k = 0;
            // One permutation of the hashes per MinHash value: an odd multiplier and an addend, both bijections.
            for (; k + lanes <= minimum.Length; k += lanes)
            {
                var values = hashes * new Vector<uint>(Multipliers.AsSpan(k)) + new Vector<uint>(Addends.AsSpan(k));
                Vector.Min(values, new Vector<uint>(minimum[k..])).CopyTo(minimum[k..]);
            }
            for (; k < minimum.Length; k++) minimum[k] = Math.Min(minimum[k], hash * Multipliers[k] + Addends[k]);
        }
        var buckets = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var bucket = Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++) bucket = Mix(bucket ^ minimum[band * Rows + row]);
            buckets[band] = (long)bucket;
        }
        var sketch = new byte[SketchLength];
        // Spread over the bands, so that sharing one bucket makes at most four places agree.
        for (var k = 0; k < SketchLength; k++) sketch[k] = (byte)minimum[(k % Bands) * Rows + k / Bands];
        return new(buckets, sketch);
    }

    public static LikenessSignature Sign(string? text) => Sign(Trigrams(text));

    /// <summary>MinHash values in a sketch: two sketches agree in about similarity × 128 of them (and 1 in 256 of the rest by chance).</summary>
    public const int SketchLength = 128;

    /// <summary>
    /// Whether two sketches agree in enough places for their texts' similarity to reach <paramref name="threshold"/>:
    /// at least four standard deviations below what a pair at the threshold agrees in, so such a pair fails with
    /// probability below 1 in 10,000 (at 0.6: 54 of 128 places needed, what a pair at 0.42 agrees in on average; an
    /// unrelated pair at 0.2 agrees in about 26).
    /// </summary>
    public static bool SketchesAgree(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, double threshold)
    {
        if (a.Length != SketchLength || b.Length != SketchLength) return a.Length == b.Length;
        var agree = 0;
        var lanes = Vector<byte>.Count;
        var k = 0;
        for (; k + lanes <= SketchLength; k += lanes)
            agree -= (int)Vector.Sum(Vector.AsVectorSByte(Vector.Equals(new Vector<byte>(a[k..]), new Vector<byte>(b[k..]))));
        for (; k < SketchLength; k++) agree += a[k] == b[k] ? 1 : 0;
        return agree >= SketchAgreement(threshold);
    }

    /// <summary>Places in which two sketches of texts at <paramref name="threshold"/> agree, less four standard deviations.</summary>
    public static int SketchAgreement(double threshold)
    {
        var p = threshold + (1 - threshold) / 256;
        return (int)Math.Floor(SketchLength * p - 4 * Math.Sqrt(SketchLength * p * (1 - p)));
    }

    private static readonly uint[] Multipliers = [.. Enumerable.Range(1, Rows * Bands).Select(i => (uint)Mix(0x9E3779B97F4A7C15UL * (ulong)i) | 1)];
    private static readonly uint[] Addends = [.. Enumerable.Range(1, Rows * Bands).Select(i => (uint)Mix(0xD1B54A32D192ED03UL * (ulong)i))];

    /// <summary>SplitMix64's finaliser: every input bit changes about half of the output bits.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

/// <summary>A text's LSH band buckets and MinHash sketch (<see cref="TextLikeness.Sign(ReadOnlySpan{ulong})"/>).</summary>
public sealed record LikenessSignature(long[] Buckets, byte[] Sketch);
