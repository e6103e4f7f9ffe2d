using Nq45Consult.Consultation.OpinionMap.Analysis;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Cases;
using Nq45Consult.Web.Attachments;
using Nq45Consult.Web.Dialogue;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Experts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Indicators;
using Nq45Consult.Web.Invitations;
using Nq45Consult.Web.Onboarding;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Notifications;
using Nq45Consult.Web.OpinionMap;
using Nq45Consult.Web.Recommendations;
using Nq45Consult.Web.Printing;
using Nq45Consult.Web.Review;
using Nq45Consult.Web.Search;
using Nq45Consult.Web.Seeding;
using Nq45Consult.Web.Shell;
using Nq45Consult.Web.Standing;
using Nq45Consult.Web.Storage;
using Nq45Consult.Web.Surveys;

if (OpinionMapCommand.IsRequested(args)) return OpinionMapCommand.Run(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(ImportCommand.HostArgs(args));

builder.AddObservability();
builder.AddDatabase();
builder.AddWebShell();
builder.AddAccounts();
builder.AddRateLimits();
builder.AddDialogue();
builder.AddDemoSeeding();
builder.Services.AddHealth();
builder.AddConsultations();
builder.AddFeedback();
builder.AddReview();
builder.AddSurveys();
builder.AddExperts();
builder.AddIndicators();
builder.AddNotifications();
builder.AddOpinionMap();
builder.AddRecommendations();
builder.AddAttachments();
builder.AddPdf();
builder.AddSearch();
builder.AddStanding();
builder.AddInvitations();
builder.AddOnboarding();
builder.AddCases();

var app = builder.Build();

if (ImportCommand.IsRequested(args)) return await ImportCommand.Run(app, args);

app.UseWebShell();
app.UsePasswordChangeRequirement();
app.UseRateLimits();
app.MapHealth();
app.MapWebShell();
app.MapAccounts();
app.MapConsultations();
app.MapFeedback();
app.MapSurveys();
app.MapDialogue();
app.MapReview();
app.MapExperts();
app.MapIndicators();
app.MapNotifications();
app.MapOpinionMap();
app.MapRecommendations();
app.MapAttachments();
app.MapSearch();
app.MapInvitations();
app.MapOnboarding();
app.MapCases();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
