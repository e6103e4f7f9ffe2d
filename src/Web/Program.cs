using Nq45Consult.Web.Drafts;
using Nq45Consult.Web.Storage;

var builder = WebApplication.CreateBuilder(ImportCommand.HostArgs(args));

builder.AddDatabase();
builder.Services.AddHealth();
builder.Services.AddRazorPages();
builder.Services.AddAuthorization();
builder.AddDrafts();

var app = builder.Build();

if (ImportCommand.IsRequested(args)) return await ImportCommand.Run(app, args);

app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapRazorPages();
app.MapDrafts();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
