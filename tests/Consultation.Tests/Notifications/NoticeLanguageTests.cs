using System.Reflection;
using System.Text.RegularExpressions;
using MimeKit;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;

namespace Nq45Consult.Consultation.Tests.Notifications;

/// <summary>
/// Every notice the domain can send (each public method that writes a <see cref="Notice"/>, found by reflection, so a
/// new one is checked without a row here), read and e-mailed in both languages: an English recipient reads English
/// everywhere but in what was inserted (a consultation's title, a person's name, a reason), and every
/// <see cref="NotificationKind"/> has such a notice.
/// </summary>
public partial class NoticeLanguageTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 2, 0, 30, 0, TimeSpan.Zero);
    private static readonly NotificationOptions Options = new() { BaseUrl = "https://phanbien.example.vn/" };
    private static readonly SmtpOptions Smtp = new() { Host = "localhost", From = "Nq45Consult <no-reply@example.vn>" };

    private static IEnumerable<MethodInfo> Writers() =>
        typeof(Notice).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Notice) && !m.GetParameters().Any(p => p.ParameterType == typeof(NoticeText)));

    public static TheoryData<string> Notices() => new(Writers().Select(Name));

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    [Fact]
    public void Every_kind_of_notification_has_a_notice_written_in_both_languages() =>
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(),
            Writers().SelectMany(Written).Select(w => w.Notice.Kind).Distinct().Order());

    [Theory]
    [MemberData(nameof(Notices))]
    public void An_english_recipient_reads_the_notice_and_its_email_in_english_but_for_what_was_inserted(string writer)
    {
        foreach (var (notice, inserted) in Written(Writers().Single(m => Name(m) == writer)))
        {
            Assert.NotNull(notice.English);
            var vietnamese = notice.In(Languages.Vietnamese);
            Assert.Matches(VietnameseLetter(), Without(vietnamese.Title + " " + vietnamese.Body, inserted));

            var english = notice.In(Languages.English);
            foreach (var recipient in new[] { "EXPERT1", NotificationOutbox.AddressedRecipient("an@example.vn") })
            {
                var notification = new Notification(Guid.CreateVersion7(), recipient, notice.Kind, english.Title, english.Body, notice.Link, Now)
                {
                    Language = Languages.English,
                };
                var email = NotificationEmail.Compose(notification, new MailboxAddress("Nguyễn Văn An", "an@example.vn"), Smtp, Options);
                foreach (var (part, text) in new[] { ("title", english.Title), ("body", english.Body), ("subject", email.Subject), ("text", email.TextBody), ("html", email.HtmlBody) })
                {
                    var left = Without(text ?? "", inserted);
                    Assert.False(VietnameseLetter().IsMatch(left), $"{writer} ({part}, to {recipient}) in English: {left}");
                }
            }
        }
    }

    /// <summary>
    /// The notices the writer makes, with the Vietnamese texts put into them: one per value of an enum it takes, the
    /// rest filled in (addresses and tokens plain, so a link stays a link).
    /// </summary>
    private static IEnumerable<(Notice Notice, string[] Inserted)> Written(MethodInfo writer)
    {
        var parameters = writer.GetParameters();
        var choices = parameters.Select(p => p.ParameterType.IsEnum ? Enum.GetValues(p.ParameterType).Cast<object>().ToArray() : [Value(p)]).ToList();
        IEnumerable<object?[]> combinations = [[]];
        foreach (var choice in choices) combinations = combinations.SelectMany(c => choice.Select(v => c.Append(v).ToArray()));
        foreach (var arguments in combinations)
            yield return ((Notice)writer.Invoke(null, arguments)!, [.. arguments.OfType<string>().Where(s => VietnameseLetter().IsMatch(s))]);
    }

    private static object Value(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(DateTimeOffset) => Now,
        var t when t == typeof(Guid) => Guid.CreateVersion7(),
        var t when t == typeof(int) => 3,
        _ when parameter.Name!.Contains("link", StringComparison.OrdinalIgnoreCase) => "/account/invitation?token=abc",
        _ when parameter.Name!.Contains("token", StringComparison.OrdinalIgnoreCase) => "abc",
        _ when parameter.Name!.Contains("email", StringComparison.OrdinalIgnoreCase) => "moi@example.vn",
        _ => $"Nội dung “{parameter.Name}” đã nhập",
    };

    private static string Without(string text, IEnumerable<string> inserted) =>
        inserted.Aggregate(text, (rest, value) => rest.Replace(value, " ", StringComparison.Ordinal));

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();
}
