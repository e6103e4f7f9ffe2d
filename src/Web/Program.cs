using Nq45Consult.Web.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.Services.AddHealth();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseStaticFiles();
app.MapHealth();
app.MapRazorPages();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
