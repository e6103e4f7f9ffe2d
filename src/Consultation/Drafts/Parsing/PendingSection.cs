using Markdig.Syntax;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>A section while the syntax tree is being walked: its body blocks are still being collected.</summary>
internal sealed class PendingSection(SectionKind kind, string number, string heading, PendingSection? parent, int order)
{
    public SectionKind Kind { get; } = kind;

    public string Number { get; } = number;

    public string Heading { get; } = heading;

    public PendingSection? Parent { get; } = parent;

    public int Order { get; } = order;

    public int Level { get; } = (parent?.Level ?? 0) + 1;

    public string Anchor { get; set; } = "";

    public List<Block> Body { get; } = [];

    /// <summary>A khoản is a numbered item directly inside an article; its points get "diem-" anchors.</summary>
    public bool IsLegal => Kind is SectionKind.Article || (Kind is SectionKind.Item && Parent?.Kind is SectionKind.Article);
}
