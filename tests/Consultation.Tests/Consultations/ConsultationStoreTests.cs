using Marten;
using Microsoft.Extensions.Time.Testing;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Drafts;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.TestSupport;
using JasperFx;
using Weasel.Core;

namespace Nq45Consult.Consultation.Tests.Consultations;

/// <summary>The handlers against a real event store, with a clock the test moves.</summary>
public sealed class ConsultationStoreTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(Given.Now.ToUniversalTime());
    private readonly DocumentStore _store;
    private readonly CreateConsultationHandler _create;
    private readonly PublishDraftVersionHandler _publish;
    private readonly OpenConsultationHandler _open;
    private readonly CloseDueConsultationsHandler _closeDue;

    public ConsultationStoreTests()
    {
        _store = DocumentStore.For(options =>
        {
            options.Connection(TestCluster.CreateDatabase("drafts"));
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.Events.TimeProvider = _clock;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            ConsultationsStore.Configure(options);
        });
        var stream = new ConsultationStream(_store, _clock);
        _create = new CreateConsultationHandler(_store, _clock, Microsoft.Extensions.Options.Options.Create(Given.Options), new AgencyQueries(_store));
        _publish = new PublishDraftVersionHandler(stream);
        _open = new OpenConsultationHandler(stream);
        _closeDue = new CloseDueConsultationsHandler(_store, stream);
    }

    private Task<CommandOutcome> Create(ConsultationDetailsInput details) => _create.Handle(new(null, details, Given.Moderator), default);

    [Fact]
    public async Task An_open_consultation_closes_by_itself_when_the_clock_reaches_its_closing_time()
    {
        var created = await Create(Given.Details(days: 7));
        var id = created.Consultation!.Id;
        Assert.Equal("du-thao-quy-dinh", created.Consultation.Slug);
        Assert.True((await _publish.Handle(new(id, DraftSections.Pasted("## I. Phạm vi\n\nNội dung."), null, Given.Moderator), default)).Decision!.Accepted);
        Assert.True((await _open.Handle(new(id, Given.Moderator), default)).Decision!.Accepted);

        _clock.Advance(TimeSpan.FromDays(6));
        Assert.Empty(await _closeDue.Handle(new(_clock.GetUtcNow()), default));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([id], await _closeDue.Handle(new(_clock.GetUtcNow()), default));

        await using var session = _store.QuerySession();
        var details = await session.LoadAsync<ConsultationDetails>(id);
        Assert.Equal(ConsultationStatus.Closed, details!.Status);
        var history = await new ConsultationQueries(session).History(id);
        Assert.Equal(["consultation-created", "draft-version-published", "consultation-opened", "consultation-closed"], history.Select(h => h.Event));
        Assert.Null(history[^1].Actor);
    }

    [Fact]
    public async Task A_second_consultation_with_the_same_title_gets_its_own_slug()
    {
        var first = await Create(Given.Details("Đề án A"));
        var second = await Create(Given.Details("Đề án A"));
        Assert.Equal("de-an-a", first.Consultation!.Slug);
        Assert.Equal("de-an-a-2", second.Consultation!.Slug);
    }

    [Fact]
    public async Task A_title_that_would_take_a_page_address_gets_another_slug()
    {
        var created = await Create(Given.Details("New"));

        Assert.Equal("new-2", created.Consultation!.Slug);
    }

    [Fact]
    public async Task Bad_input_stores_nothing()
    {
        var outcome = await Create(Given.Details(""));
        Assert.False(outcome.Decision!.Accepted);
        await using var session = _store.QuerySession();
        Assert.Equal(0, await session.Query<ConsultationDetails>().CountAsync());
    }

    public void Dispose() => _store.Dispose();
}
