using System.Text;

namespace Nq45Consult.Consultation.Feedback.Likeness;

/// <summary>
/// How alike two arguments read, as pg_trgm's similarity() measures it in a UTF-8 database — the share of trigrams
/// two texts have in common (Jaccard of their trigram sets) — but computed here, so that it does not depend on the
/// database's locale: words are runs of Unicode letters and digits (after composing, so a tone mark typed as a
/// separate code point stays in its word), lower-cased and padded as pg_trgm pads them ("  w "). Diacritics are
/// kept: folding them makes unrelated Vietnamese arguments look far more alike (docs/benchmarks.md).
/// Also a MinHash signature of the trigram set cut into LSH bands: two texts share at least one band's bucket with a
/// probability that rises steeply with their similarity (<see cref="CandidateProbability"/>), so only items sharing
/// a bucket need to be compared.
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
        var set = new HashSet<ulong>();
        // The last two characters of the padded word so far: a word starts after two blanks.
        ulong window = 0;
        var inWord = false;
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) window = ((ulong)' ' << 16) | ' ';
                window = ((window << 16) | char.ToLowerInvariant(c)) & 0xFFFF_FFFF_FFFF;
                set.Add(window);
                inWord = true;
            }
            else if (inWord)
            {
                set.Add(((window << 16) | ' ') & 0xFFFF_FFFF_FFFF);
                inWord = false;
            }
        }
        if (inWord) set.Add(((window << 16) | ' ') & 0xFFFF_FFFF_FFFF);
        var trigrams = set.ToArray();
        Array.Sort(trigrams);
        return trigrams;
    }

    /// <summary>Shared trigrams over all trigrams of the two (0 when neither has any), as pg_trgm's similarity().</summary>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        var union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    public static double Similarity(string? a, string? b) => Similarity(Trigrams(a), Trigrams(b));

    /// <summary>
    /// The band buckets of a trigram set: <see cref="Bands"/> numbers, each a hash of the band's number and its
    /// <see cref="Rows"/> MinHash values; empty for a text without trigrams. The seeds are fixed, so buckets stored
    /// at any time compare with buckets computed now.
    /// </summary>
    public static long[] Buckets(ReadOnlySpan<ulong> trigrams)
    {
        if (trigrams.IsEmpty) return [];
        Span<ulong> minimum = stackalloc ulong[Rows * Bands];
        minimum.Fill(ulong.MaxValue);
        foreach (var trigram in trigrams)
        {
            var hash = Mix(trigram);
            for (var k = 0; k < minimum.Length; k++)
            {
                // One permutation of the hashes per MinHash value: an odd multiplier and an addend, both bijections.
                var value = hash * Multipliers[k] + Addends[k];
                if (value < minimum[k]) minimum[k] = value;
            }
        }
        var buckets = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var bucket = Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++) bucket = Mix(bucket ^ minimum[band * Rows + row]);
            buckets[band] = (long)bucket;
        }
        return buckets;
    }

    public static long[] Buckets(string? text) => Buckets(Trigrams(text));

    private static readonly ulong[] Multipliers = [.. Enumerable.Range(1, Rows * Bands).Select(i => Mix(0x9E3779B97F4A7C15UL * (ulong)i) | 1)];
    private static readonly ulong[] Addends = [.. Enumerable.Range(1, Rows * Bands).Select(i => Mix(0xD1B54A32D192ED03UL * (ulong)i))];

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
