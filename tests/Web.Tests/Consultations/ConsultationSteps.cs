using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;

namespace Nq45Consult.Web.Tests.Consultations;

/// <summary>
/// What a moderator does to set up a consultation, for tests about something else: the same handlers the API calls,
/// on the app's store, with the given clock and settings.
/// </summary>
public sealed class ConsultationSteps(IDocumentStore store, TimeProvider time, ConsultationOptions options)
{
    private readonly ConsultationStream _stream = new(store, time);

    /// <summary>With the app's own clock and settings.</summary>
    public ConsultationSteps(IServiceProvider services)
        : this(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<ConsultationOptions>>().Value)
    {
    }

    public Task<CommandOutcome> Create(string? slug, ConsultationDetailsInput details, string moderator) =>
        new CreateConsultationHandler(store, time, Options.Create(options), new AgencyQueries(store)).Handle(new(slug, details, Moderator(moderator)), CancellationToken.None);

    public Task<CommandOutcome> PublishVersion(Guid id, string markdown, string? changeNote, string moderator) =>
        new PublishDraftVersionHandler(_stream).Handle(new(id, DraftSections.Pasted(markdown), changeNote, Moderator(moderator)), CancellationToken.None);

    public Task<CommandOutcome> Invite(Guid id, IReadOnlyList<string> userNames, string moderator) =>
        new InviteExpertsHandler(store, _stream).Handle(new(id, userNames, Moderator(moderator)), CancellationToken.None);

    public Task<CommandOutcome> Open(Guid id, string moderator) =>
        new OpenConsultationHandler(_stream).Handle(new(id, Moderator(moderator)), CancellationToken.None);

    public Task<CommandOutcome> Close(Guid id, string moderator) =>
        new CloseConsultationHandler(_stream).Handle(new(id, Moderator(moderator)), CancellationToken.None);

    private static Caller Moderator(string userName) => Caller.Of(userName, userName, Role.Moderator);
}
