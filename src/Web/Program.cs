using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Dialogue;
using Nq45Consult.Web.Seeding;
using Nq45Consult.Web.Shell;
using Nq45Consult.Web.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddDatabase();
builder.AddWebShell();
builder.AddAccounts();
builder.AddDialogue();
builder.AddDemoSeeding();
builder.Services.AddHealth();

var app = builder.Build();

app.UseWebShell();
app.MapHealth();
app.MapWebShell();
app.MapAccounts();
app.MapDialogue();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
