using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>Closing a consultation while submissions stream in: once the close is acknowledged, nothing more is stored.</summary>
public class CloseRaceTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task No_item_is_stored_after_the_close_is_acknowledged_and_every_acknowledged_item_is()
    {
        var (consultation, sections) = await app.Consultation();
        var users = new[] { "expert1", "expert2", "expert3" };
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => app.As(users[w % users.Length])));
        var created = 0;
        var writers = clients.Select(client => Task.Run(async () =>
        {
            var acknowledged = new List<Guid>();
            while (true)
            {
                var response = await client.PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(sections[0].Anchor));
                if (response.StatusCode == HttpStatusCode.Conflict) return acknowledged;
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged.Add((await response.Content.ReadFromJsonAsync<Created>())!.Id);
                Interlocked.Increment(ref created);
            }
        })).ToList();
        while (Volatile.Read(ref created) < 40) await Task.Delay(10);

        await app.Close(consultation);
        var storedAtClose = await Stored(consultation);
        var acknowledged = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToHashSet();

        var stored = await Stored(consultation);
        Assert.Equal(storedAtClose, stored);
        Assert.Subset(stored, acknowledged);
        Assert.Subset(acknowledged, stored);
    }

    private async Task<HashSet<Guid>> Stored(Guid consultation)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<FeedbackItem>().Where(i => i.ConsultationId == consultation).Select(i => i.Id).ToListAsync()).ToHashSet();
    }
}
