using Nq45Consult.Consultation.Accounts.Agencies;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// The agency a consultation names as its drafter (<see cref="ConsultationDetails.DraftingAgencyId"/>): only its officials
/// respond to the feedback and publish the responses. A consultation that names none keeps the rule it had before
/// agencies existed: any official.
/// </summary>
public static class DraftingAgencies
{
    public static string NotYourAgency => DomainText.NotYourAgency;

    public static bool MayRespond(Caller caller, Guid? draftingAgencyId) =>
        caller.IsOfficial && (draftingAgencyId is null || caller.AgencyId == draftingAgencyId);

    /// <summary>
    /// Why <paramref name="wanted"/> cannot be named, or null: it must be a known agency, and not a retired one unless the
    /// consultation already names it (<paramref name="current"/>).
    /// </summary>
    /// <param name="agency">The agency <paramref name="wanted"/> names, as loaded; null when there is none.</param>
    public static Decision? Problem(Guid? wanted, Agency? agency, Guid? current)
    {
        if (wanted is null) return null;
        if (agency is null || agency.Id != wanted) return Decision.Invalid("draftingAgencyId", DomainText.DraftingAgencyUnknown);
        return agency.Retired && agency.Id != current
            ? Decision.Invalid("draftingAgencyId", DomainText.DraftingAgencyRetired(agency.Name))
            : null;
    }

    /// <summary>The details naming <paramref name="agency"/>; its name stands in for an empty free-text drafting agency.</summary>
    public static ConsultationDetailsInput.Valid Naming(ConsultationDetailsInput.Valid details, Agency? agency) =>
        agency is null
            ? details with { DraftingAgencyId = null }
            : details with { DraftingAgencyId = agency.Id, DraftingAgency = details.DraftingAgency.Length > 0 ? details.DraftingAgency : agency.Name };
}
