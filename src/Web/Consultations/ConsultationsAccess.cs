using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Consultations;

/// <summary>Who manages consultations: the <see cref="Policies.Moderate"/> permission.</summary>
public static class ConsultationsAccess
{
    public static TBuilder RequireManager<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Moderate);
}
