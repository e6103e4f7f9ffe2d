// The expert registry at scale: importing a 50,000-row member list (preview, import, re-import), then searching
// 100,000 profiles — free text with and without diacritics, filters, both — as GET /api/experts runs it. The
// profiles beyond the imported ones are bulk-inserted as documents (same shape, same columns), which is quicker.
// Usage: dotnet run -c Release --project bench/RegistryLoad -- [importRows=50000] [profiles=100000] [runs=100] [--smoke]
// --smoke: 200 rows, 500 profiles, 3 runs; fails unless every row is imported, re-imported unchanged and found (the
// test suite runs it; no time is judged).
using System.Diagnostics;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Importing;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;

var smoke = args.Contains("--smoke");
var sizes = args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).ToArray();
var importRows = smoke ? 200 : sizes.Length > 0 ? sizes[0] : 50_000;
var profiles = smoke ? 500 : sizes.Length > 1 ? sizes[1] : 100_000;
var runs = smoke ? 3 : sizes.Length > 2 ? sizes[2] : 100;
var failures = new List<string>();

var connectionString = TestCluster.CreateDatabase("registrybench");
var services = new ServiceCollection().AddLogging();
services.AddConsultation(connectionString, new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
var consultation = Options.Create(new ConsultationOptions());
var registry = new RegistrySearch(store, consultation);
var associations = new AssociationQueries(store);
var import = new ImportMemberListHandler(store, TimeProvider.System, consultation);
var addAssociation = new AddAssociationHandler(store, TimeProvider.System);

foreach (var name in new[] { "Hội Tin học tỉnh", "Hội Y học tỉnh", "Hội Luật gia tỉnh", "Hội Nông nghiệp tỉnh", "Hội Kiến trúc sư tỉnh" })
    await addAssociation.Handle(new AddAssociation(name, "bench"), CancellationToken.None);

var random = new Random(45);
var file = Encoding.UTF8.GetBytes(MemberList(0, importRows));
Console.WriteLine($"Member list: {importRows:N0} rows, {file.Length / 1024.0 / 1024:N1} MiB");
var preview = await Timed("  preview (dry run)", () => import.Handle(new ImportMemberList(file, DryRun: true, "bench"), CancellationToken.None));
var imported = await Timed("  import", () => import.Handle(new ImportMemberList(file, DryRun: false, "bench"), CancellationToken.None));
var again = await Timed("  re-import, nothing changed", () => import.Handle(new ImportMemberList(file, DryRun: false, "bench"), CancellationToken.None));
if (preview.ErrorCount + imported.ErrorCount + again.ErrorCount > 0) failures.Add("the generated member list has rows in error");
if (imported.Created != importRows) failures.Add($"the import created {imported.Created} profiles, not {importRows}");
if (again.Unchanged != importRows) failures.Add($"the re-import left {again.Unchanged} profiles unchanged, not {importRows}");

var (more, _, _) = MemberListCsv.Read(MemberList(1, Math.Max(0, profiles - importRows)), consultation.Value.AllowedFields, await associations.All());
var at = DateTimeOffset.UtcNow;
foreach (var chunk in more.Chunk(5_000))
    await store.BulkInsertDocumentsAsync(chunk.Select(r => new ExpertProfile(Guid.CreateVersion7(), null, null, r.ImportKey, r.Details, r.Consent, at, at, at)));

await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    await using var analyze = new NpgsqlCommand("analyze", connection);
    await analyze.ExecuteNonQueryAsync();
    await using var indexes = new NpgsqlCommand("select indexdef from pg_indexes where tablename = 'mt_doc_expertprofile' order by indexname", connection);
    await using var reader = await indexes.ExecuteReaderAsync();
    Console.WriteLine("Indexes of the profiles table:");
    while (await reader.ReadAsync()) Console.WriteLine($"  {reader.GetString(0)}");
}
var total = (await registry.Search(new RegistryFilter(), 1, 1)).Total;
if (total != Math.Max(profiles, importRows)) failures.Add($"the registry holds {total} profiles, not {Math.Max(profiles, importRows)}");
var association = (await associations.All()).First(a => a.Name == "Hội Y học tỉnh").Id;
Console.WriteLine($"Search over {total:N0} profiles, page of 50, {runs} timed runs each after 5 warm-ups:");
await Search("text with diacritics \"Nguyễn Thị Hương\"", new RegistryFilter(Text: "Nguyễn Thị Hương"));
await Search("same without diacritics \"nguyen thi huong\"", new RegistryFilter(Text: "nguyen thi huong"));
await Search("rare words \"dich te hoc\"", new RegistryFilter(Text: "dich te hoc"));
await Search("one common word \"nguyen\"", new RegistryFilter(Text: "nguyen"));
await Search("title words \"tien si\"", new RegistryFilter(Text: "tien si"));
await Search("field = y tế", new RegistryFilter(Field: "y tế"));
await Search("degree = TS, field = công nghệ thông tin", new RegistryFilter(Field: "công nghệ thông tin", Degree: Degree.Ts));
await Search("association = Hội Y học tỉnh, outside the province", new RegistryFilter(Association: association, InProvince: false));
await Search("field = y tế + text \"benh vien\"", new RegistryFilter(Field: "y tế", Text: "benh vien"));
await Search("page 100 of field = khác", new RegistryFilter(Field: "khác"), page: 100);
foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
if (smoke && failures.Count == 0) Console.WriteLine("Smoke run: every check held.");
return failures.Count == 0 ? 0 : 1;

async Task Search(string name, RegistryFilter filter, int page = 1)
{
    RegistryPage? found = null;
    for (var i = 0; i < 5; i++) found = await registry.Search(filter, page, 50);
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await registry.Search(filter, page, 50);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"  {name}: {found!.Total:N0} found; p50 {times[runs / 2]:N1} ms, p99 {times[(int)(runs * 0.99)]:N1} ms");
}

static async Task<ImportReport> Timed(string name, Func<Task<ImportReport>> action)
{
    var watch = Stopwatch.StartNew();
    var report = await action();
    Console.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:N1} s (created {report.Created:N0}, updated {report.Updated:N0}, " +
        $"unchanged {report.Unchanged:N0}, errors {report.ErrorCount:N0})");
    return report;
}

// Plausible members: Vietnamese names, a degree mix close to the seed plan's, one to three fields, specialties,
// organisations, five associations, a quarter outside the province.
string MemberList(int batch, int rows)
{
    string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    string[] middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân"];
    string[] given = ["An", "Bình", "Cường", "Dũng", "Hương", "Hà", "Lan", "Long", "Mai", "Nam", "Nhung", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến"];
    string[] degrees = ["TSKH", "TS", "TS", "ThS", "ThS", "ThS", "ThS", "CK1", "CK2", "ĐH", "ĐH", "KS", "CN", "khác"];
    string[] titles = ["", "", "", "", "", "", "", "", "PGS", "GS"];
    string[] specialties = ["Dịch tễ học", "Trí tuệ nhân tạo", "Luật hành chính", "Quy hoạch đô thị", "Quản lý giáo dục", "Cơ khí chế tạo",
        "Kinh tế nông nghiệp", "An toàn thông tin", "Y học cổ truyền", "Xây dựng cầu đường"];
    string[] organisations = ["Bệnh viện tỉnh", "Trường Đại học Nông - Lâm", "Sở Y tế", "Viện Công nghệ thông tin", "Đoàn Luật sư tỉnh",
        "Sở Xây dựng", "Trường Cao đẳng Kỹ thuật", "Công ty Cổ phần Cơ khí"];
    string[] associations = ["Hội Tin học tỉnh", "Hội Y học tỉnh", "Hội Luật gia tỉnh", "Hội Nông nghiệp tỉnh", "Hội Kiến trúc sư tỉnh", ""];
    var fields = consultation.Value.AllowedFields;
    var csv = new StringBuilder(string.Join(',', MemberListCsv.Columns)).Append('\n');
    for (var i = 0; i < rows; i++)
    {
        var chosen = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => fields[random.Next(fields.Count)]).Distinct();
        string[] row =
        [
            $"B{batch}-{i:D6}", $"{family[random.Next(family.Length)]} {middle[random.Next(middle.Length)]} {given[random.Next(given.Length)]}",
            titles[random.Next(titles.Length)], degrees[random.Next(degrees.Length)], string.Join(';', chosen),
            specialties[random.Next(specialties.Length)], organisations[random.Next(organisations.Length)], associations[random.Next(associations.Length)],
            random.Next(4) == 0 ? "không" : "có", $"hv{batch}.{i}@example.vn", $"09{random.Next(100_000_000):D8}", "có", random.Next(2) == 0 ? "có" : "không",
        ];
        csv.AppendJoin(',', row).Append('\n');
    }
    return csv.ToString();
}
