namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// The sections open inside one Markdown container (the document or a list item).
/// Sections opened here nest by rank (chapter › article › clause › point); the owner,
/// if any, is the list item the container belongs to.
/// </summary>
internal sealed class SectionScope(PendingSection? owner)
{
    private readonly Stack<(PendingSection Section, int Rank)> _open = new();

    /// <summary>Where body text and new children go: the innermost open section.</summary>
    public PendingSection? Current => _open.TryPeek(out var top) ? top.Section : owner;

    /// <summary>Closes the open sections a new one of <paramref name="rank"/> cannot nest in; returns its parent.</summary>
    public PendingSection? CloseUntilParentOf(int rank)
    {
        while (_open.TryPeek(out var top) && top.Rank >= rank)
        {
            _open.Pop();
        }

        return Current;
    }

    public void Open(PendingSection section, int rank) => _open.Push((section, rank));
}
