namespace Nq45Consult.Consultation.Drafts.Parsing;

internal static class RomanNumerals
{
    /// <summary>Value of an upper-case Roman numeral made of I, V, X, L, C, D, M; 0 if it is not one.</summary>
    public static int ToInt(string roman)
    {
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var value = ValueOf(roman[i]);
            if (value == 0)
            {
                return 0;
            }

            var next = i + 1 < roman.Length ? ValueOf(roman[i + 1]) : 0;
            total += value < next ? -value : value;
        }

        return total;
    }

    private static int ValueOf(char c) => c switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        'M' => 1000,
        _ => 0,
    };
}
