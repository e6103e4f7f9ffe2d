using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Experts.Importing;

/// <summary>A problem with one row (row 1 is the header), naming the column at fault.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>One member list row, validated: the key it is found again by, its details and consent.</summary>
public sealed record MemberRow(int Row, string ImportKey, ProfileDetails Details, ProfileConsent Consent);

/// <summary>
/// The member-list CSV of an association: its columns, encoding detection (UTF-8 with or without BOM, else
/// Windows-1258 as older Vietnamese Excel saves it) and the export with spreadsheet formulas neutralised.
/// </summary>
public static class MemberListCsv
{
    public const string Key = "ma_hoi_vien", FullName = "ho_ten", Title = "hoc_ham", Degree = "hoc_vi", Fields = "linh_vuc",
        Specialty = "chuyen_nganh", Organisation = "co_quan", Association = "hoi_thanh_vien", InProvince = "trong_tinh",
        Email = "email", Phone = "dien_thoai", ConsentToContact = "dong_y_lien_he", ConsentToName = "dong_y_cong_khai_ten";

    public static readonly IReadOnlyList<string> Columns =
        [Key, FullName, Title, Degree, Fields, Specialty, Organisation, Association, InProvince, Email, Phone, ConsentToContact, ConsentToName];

    /// <summary>The columns without contact details or consent: what a moderator's export holds.</summary>
    public static readonly IReadOnlyList<string> PublicColumns = [.. Columns.Except([Email, Phone, ConsentToContact, ConsentToName])];

    public static readonly IReadOnlyList<string> RequiredColumns = [FullName, Degree, Fields];

    /// <summary>Several fields in one cell are separated by semicolons.</summary>
    public const char FieldSeparator = ';';

    static MemberListCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise Windows-1258, composed to NFC.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Normalize(NormalizationForm.FormC), "utf-8-bom");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).Normalize(NormalizationForm.FormC), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Windows-1258 writes tones as combining marks; composing them makes "tiến" equal its UTF-8 spelling.
            return (Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC), "windows-1258");
        }
    }

    /// <summary>Reads and validates every row; rows with errors are reported, not returned.</summary>
    public static (IReadOnlyList<MemberRow> Rows, IReadOnlyList<ImportRowError> Errors, int RowCount) Read(
        string text, IReadOnlyList<string> allowedFields, IReadOnlyList<MemberAssociation> associations)
    {
        var errors = new List<ImportRowError>();
        var rows = new List<MemberRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"], BadDataFound = null, MissingFieldFound = null };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader())
            return ([], [new ImportRowError(1, "", DomainText.CsvEmptyNeedsHeader + string.Join(", ", Columns) + ".")], 0);

        var header = csv.HeaderRecord!.Select(h => ExpertVocabulary.Fold(h).Replace(' ', '_')).ToArray();
        foreach (var unknown in header.Where(h => !Columns.Contains(h))) errors.Add(new(1, unknown, DomainText.CsvUnsupportedColumn(unknown, string.Join(", ", Columns))));
        foreach (var missing in RequiredColumns.Where(c => !header.Contains(c))) errors.Add(new(1, missing, DomainText.CsvMissingColumn(missing)));
        foreach (var twice in header.GroupBy(h => h).Where(g => g.Count() > 1)) errors.Add(new(1, twice.Key, DomainText.CsvColumnTwice(twice.Key)));
        if (errors.Count > 0) return ([], errors, 0);

        var byName = associations.Where(a => !a.Retired).ToDictionary(a => a.NormalizedName);
        var seen = new Dictionary<string, int>();
        var count = 0;
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            string? Cell(string column) => Array.IndexOf(header, column) is var i and >= 0 && i < csv.Parser.Count ? csv.GetField(i) : null;
            if (Columns.All(c => string.IsNullOrWhiteSpace(Cell(c)))) continue;
            count++;
            var rowErrors = new List<ImportRowError>();

            Guid? association = null;
            if (Cell(Association) is { Length: > 0 } associationName && !string.IsNullOrWhiteSpace(associationName))
            {
                if (byName.TryGetValue(MemberAssociation.Normalize(associationName), out var found)) association = found.Id;
                else rowErrors.Add(new(row, Association, DomainText.CsvAssociationUnknown(associationName.Trim())));
            }
            var inProvince = ReadYesNo(Cell(InProvince), InProvince, row, rowErrors, whenEmpty: true);
            var contact = ReadYesNo(Cell(ConsentToContact), ConsentToContact, row, rowErrors, whenEmpty: false);
            var name = ReadYesNo(Cell(ConsentToName), ConsentToName, row, rowErrors, whenEmpty: false);
            var input = new ProfileInput(
                Cell(FullName), Cell(Title), Cell(Degree),
                (Cell(Fields) ?? "").Split(FieldSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Cell(Specialty), Cell(Organisation), association, inProvince, Cell(Email), Cell(Phone));
            var (details, fieldErrors) = input.Validate(allowedFields, _ => true);
            foreach (var (field, messages) in fieldErrors)
                rowErrors.AddRange(messages.Select(m => new ImportRowError(row, ColumnOf(field), m)));

            var key = Cell(Key)?.Trim() is { Length: > 0 } memberKey ? "ma:" + memberKey.ToUpperInvariant()
                : details?.Email is { } email ? "email:" + email
                : null;
            if (key is null && details is not null) rowErrors.Add(new(row, Key, DomainText.CsvNeedsMemberKey(Key, Email)));
            if (key is not null && !seen.TryAdd(key, row)) rowErrors.Add(new(row, key.StartsWith("ma:", StringComparison.Ordinal) ? Key : Email, DomainText.CsvDuplicateOfRow(seen[key])));

            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else rows.Add(new MemberRow(row, key!, details!, new ProfileConsent(contact, name)));
        }
        return (rows, errors, count);
    }

    /// <summary>Writes profiles as CSV in UTF-8 with a BOM (so Excel reads Vietnamese right); contact columns only when asked.</summary>
    public static async Task Write(Stream output, IAsyncEnumerable<ExpertProfile> profiles, IReadOnlyList<MemberAssociation> associations, bool withContact, CancellationToken cancellation)
    {
        var names = associations.ToDictionary(a => a.Id, a => a.Name);
        var columns = withContact ? Columns : PublicColumns;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        await foreach (var p in profiles.WithCancellation(cancellation))
        {
            var d = p.Details;
            var cells = new Dictionary<string, string?>
            {
                [Key] = p.ImportKey is { } key && key.StartsWith("ma:", StringComparison.Ordinal) ? key[3..] : null,
                [FullName] = d.FullName,
                [Title] = d.AcademicTitle == AcademicTitle.None ? null : ExpertVocabulary.Abbreviation(d.AcademicTitle),
                [Degree] = d.Degree == Experts.Degree.Other ? "khác" : ExpertVocabulary.Abbreviation(d.Degree),
                [Fields] = string.Join(FieldSeparator, d.Fields),
                [Specialty] = d.Specialty,
                [Organisation] = d.Organisation,
                [Association] = d.AssociationId is { } a ? names.GetValueOrDefault(a) : null,
                [InProvince] = d.InProvince ? "có" : "không",
                [Email] = d.Email,
                [Phone] = d.Phone,
                [ConsentToContact] = p.Consent.ToBeContacted ? "có" : "không",
                [ConsentToName] = p.Consent.ToAppearByName ? "có" : "không",
            };
            foreach (var column in columns) csv.WriteField(Neutralise(cells[column]));
            await csv.NextRecordAsync();
        }
    }

    /// <summary>A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) is prefixed with an apostrophe.</summary>
    public static string? Neutralise(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private static bool ReadYesNo(string? cell, string column, int row, List<ImportRowError> errors, bool whenEmpty)
    {
        var folded = ExpertVocabulary.Fold(cell);
        if (folded.Length == 0) return whenEmpty;
        if (folded is "co" or "x" or "1" or "true" or "yes") return true;
        if (folded is "khong" or "0" or "false" or "no") return false;
        errors.Add(new(row, column, DomainText.CsvYesOrNo(cell)));
        return whenEmpty;
    }

    private static string ColumnOf(string field) => field switch
    {
        "fullName" => FullName,
        "academicTitle" => Title,
        "degree" => Degree,
        "fields" => Fields,
        "specialty" => Specialty,
        "organisation" => Organisation,
        "email" => Email,
        "phone" => Phone,
        _ => field,
    };
}
