namespace Nq45Consult.Web.Pages.Review;

/// <summary>The report downloads a page offers, drawn by <c>_ExportLinks</c> with a progress bar; <see cref="Key"/> makes its ids unique.</summary>
public sealed record ExportLinks(string Caption, string Key, IReadOnlyList<ExportLink> Links);

public sealed record ExportLink(string Url, string Text);
