namespace Nq45Consult.Web.Resources;

/// <summary>
/// Marker for the shared UI texts: <c>SharedResource.resx</c> holds the Vietnamese texts (the default),
/// <c>SharedResource.en.resx</c> the English ones. Views use <c>T["Key"]</c> (see _ViewImports).
/// </summary>
public sealed class SharedResource;
