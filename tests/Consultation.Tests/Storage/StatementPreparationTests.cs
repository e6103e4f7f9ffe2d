using Npgsql;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Tests.Storage;

public class StatementPreparationTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation()
    {
        var prepared = new NpgsqlConnectionStringBuilder(ConsultationStore.WithStatementPreparation("Host=db;Database=app;Username=u"));

        Assert.Equal(64, prepared.MaxAutoPrepare);
        Assert.Equal(2, prepared.AutoPrepareMinUsages);
        Assert.Equal("db", prepared.Host);
        Assert.Equal("app", prepared.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=10")]
    [InlineData("Host=db;max auto prepare=5")]
    public void A_connection_string_that_sets_it_is_left_as_it_is(string given) =>
        Assert.Equal(given, ConsultationStore.WithStatementPreparation(given));
}
