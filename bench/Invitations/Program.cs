// Invitations by e-mail at scale: one request queues 10,000 registry profiles (how long it takes), then the background
// sender writes their invitations and links a chunk at a time while outbox rounds deliver the e-mails to a real SMTP
// server on loopback (e-mails per second, from the request's end to the last message received).
// Usage: dotnet run -c Release --project bench/Invitations -- [profiles=10000] [outboxBatch=20] [--smoke]
// --smoke: 200 profiles; fails unless every profile gets exactly one e-mail with its own link (the test suite runs it;
// no time is judged).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Invitations;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;

var smoke = args.Contains("--smoke");
var sizes = args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).ToArray();
var count = smoke ? 200 : sizes.Length > 0 ? sizes[0] : 10_000;
var outboxBatch = sizes.Length > 1 ? sizes[1] : new NotificationOptions().BatchSize;
var failures = new List<string>();

await using var smtp = new LoopbackSmtp();
var connectionString = TestCluster.CreateDatabase("invitationbench");
var services = new ServiceCollection().AddLogging();
services.AddConsultation(connectionString, new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
services.AddSingleton(TimeProvider.System);
services.Configure<InvitationOptions>(_ => { });
services.Configure<ConsultationOptions>(_ => { });
services.Configure<DialogueOptions>(_ => { });
services.Configure<NotificationOptions>(o => (o.BaseUrl, o.BatchSize) = ("https://phanbien.example.vn", outboxBatch));
services.Configure<SmtpOptions>(o => (o.Host, o.Port, o.UseTls, o.From) = ("127.0.0.1", smtp.Port, false, "Cổng phản biện <no-reply@phanbien.example.vn>"));
services.AddSingleton<DialogueSessions>();
services.AddSingleton<InvitationSender>();
services.AddSingleton<InviteByEmailHandler>();
services.AddSingleton<CreateConsultationHandler>();
services.AddSingleton<SmtpMailer>();
services.AddSingleton<OutboxDelivery>();
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
var moderator = Caller.Of("moderator", "Điều phối viên", Role.Moderator);

var now = DateTimeOffset.UtcNow;
var created = await provider.GetRequiredService<CreateConsultationHandler>().Handle(new CreateConsultation(null,
    new ConsultationDetailsInput("Dự thảo đo lời mời", "Tóm tắt", "Sở KH&CN", "plan", ["y tế"], "invited", now, now.AddDays(30)), moderator),
    CancellationToken.None);
var consultationId = created.Consultation!.Id;
var profiles = Enumerable.Range(0, count).Select(i => new ExpertProfile(Guid.CreateVersion7(), null, null, $"B-{i:D6}",
    new ProfileDetails($"Thành viên {i}", AcademicTitle.None, Degree.Ts, ["y tế"], null, null, null, true, $"tv{i}@example.vn", null),
    new ProfileConsent(true, false), now, now, now)).ToList();
foreach (var chunk in profiles.Chunk(5_000)) await store.BulkInsertDocumentsAsync(chunk);
Console.WriteLine($"{count:N0} registry profiles without an account, each with an e-mail address; outbox rounds of {outboxBatch}.");

var queue = Stopwatch.StartNew();
var outcome = await provider.GetRequiredService<InviteByEmailHandler>().Handle(
    new InviteByEmail(consultationId, null, null, [.. profiles.Select(p => p.Id)], moderator), CancellationToken.None);
queue.Stop();
if (outcome.Decision is not { Accepted: true }) failures.Add($"the invitation was refused: {outcome.Decision}");
Console.WriteLine($"  queuing {count:N0} in one request: {queue.Elapsed.TotalMilliseconds:N0} ms");

// The background: the sender writes the chunks while two outbox senders (two nodes) deliver what is due, until every
// e-mail has arrived (or the deadline has passed: a check then fails).
var sending = Stopwatch.StartNew();
var sender = Task.Run(() => provider.GetRequiredService<InvitationSender>().SendQueued());
var delivery = provider.GetRequiredService<OutboxDelivery>();
var failed = new ConcurrentBag<int>();
var deadline = DateTime.UtcNow.AddMinutes(smoke ? 5 : 60);
async Task Deliver()
{
    while (smtp.Received.Count < count && DateTime.UtcNow < deadline)
    {
        var round = await delivery.DeliverDue();
        if (round.Failed + round.Retrying > 0) failed.Add(round.Failed + round.Retrying);
        if (round.Claimed == 0) await Task.Delay(10);
    }
}
await Task.WhenAll(Deliver(), Deliver(), sender);
sending.Stop();
var received = smtp.Received;
Console.WriteLine($"  sending: {received.Count:N0} e-mails in {sending.Elapsed.TotalSeconds:N1} s: {received.Count / sending.Elapsed.TotalSeconds:N0} e-mails/s");

var tokens = received.Select(m => Regex.Match(m.TextBody ?? "", @"/account/invitation\?token=([A-Za-z0-9_-]+)").Groups[1].Value).ToList();
var addresses = received.SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).ToList();
if (received.Count != count) failures.Add($"{received.Count} e-mails received, not {count}");
if (addresses.Distinct().Count() != count) failures.Add($"{addresses.Distinct().Count()} addresses reached, not {count}");
if (tokens.Any(t => t.Length == 0) || tokens.Distinct().Count() != tokens.Count) failures.Add("an e-mail without its own link");
if (!failed.IsEmpty) failures.Add($"{failed.Sum()} delivery attempts failed");
await using (var query = store.QuerySession())
{
    var invitations = await query.Query<EmailInvitation>().CountAsync();
    if (invitations != count) failures.Add($"{invitations} invitations recorded, not {count}");
}
foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
if (smoke && failures.Count == 0) Console.WriteLine("Smoke run: every check held.");
return failures.Count == 0 ? 0 : 1;
