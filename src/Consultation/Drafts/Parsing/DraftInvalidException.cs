namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>The draft (or its front matter) cannot be used as written.</summary>
public sealed class DraftInvalidException(string field, string message) : DraftException(field, message);
