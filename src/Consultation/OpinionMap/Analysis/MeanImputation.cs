namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>
/// Missing votes take their statement's mean vote, as in Pol.is. The PCA centres each column on that same
/// mean, so a missing cell contributes exactly zero once centred: the centred, imputed matrix is as sparse
/// as the votes and is never built.
/// </summary>
public static class MeanImputation
{
    /// <summary>Each statement's mean over the votes cast on it (pass counts as 0); 0 when nobody voted or it is moderated out.</summary>
    public static double[] ColumnMeans(VoteMatrix votes)
    {
        var sums = new double[votes.StatementIds.Count];
        var counts = new int[votes.StatementIds.Count];
        for (var p = 0; p < votes.ParticipantKeys.Count; p++)
        {
            var statements = votes.StatementsOf(p);
            var values = votes.ValuesOf(p);
            for (var i = 0; i < statements.Length; i++)
            {
                sums[statements[i]] += values[i];
                counts[statements[i]]++;
            }
        }

        for (var s = 0; s < sums.Length; s++) sums[s] = counts[s] == 0 || votes.IsModeratedOut(s) ? 0 : sums[s] / counts[s];
        return sums;
    }
}
