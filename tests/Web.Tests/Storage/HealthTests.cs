using System.Net;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Storage;

public sealed class HealthTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    [Fact]
    public async Task Live_answers_while_the_process_runs()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
