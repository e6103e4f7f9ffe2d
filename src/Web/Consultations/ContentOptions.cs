namespace Nq45Consult.Web.Consultations;

/// <summary>Where sample content lives (<c>Content:Path</c>); by default the <c>content</c> folder next to Nq45Consult.sln.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";
    public const string SolutionFile = "Nq45Consult.sln";

    public string? Path { get; set; }

    public string? DraftsFolder(string contentRoot)
    {
        var root = Path ?? FindNextToSolution(contentRoot);
        var drafts = root is null ? null : System.IO.Path.Combine(root, "drafts");
        return drafts is not null && Directory.Exists(drafts) ? drafts : null;
    }

    private static string? FindNextToSolution(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
                return System.IO.Path.Combine(dir.FullName, "content");
        return null;
    }
}
