using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Seeding;

namespace Nq45Consult.Consultation.Experts;

/// <summary>Two member associations and the demo experts' profiles (after the accounts, before sample consultations).</summary>
public sealed class DemoExpertProfiles(
    AssociationQueries associationList, AddAssociationHandler addAssociation, ProfileQueries profiles, CreateProfileHandler createProfile) : IDemoSeeder
{
    public static readonly IReadOnlyList<string> AssociationNames = ["Hội Tin học tỉnh", "Hội Y học tỉnh"];

    private static readonly (string UserName, ProfileInput Profile, string Association)[] Experts =
    [
        ("expert1", new ProfileInput("Nguyễn Văn An", "pgs", "ts", ["công nghệ thông tin", "khoa học và công nghệ"], "Hệ thống thông tin",
            "Trường Đại học Nông - Lâm", null, true, "nguyen.van.an@example.vn", "0912 345 678"), "Hội Tin học tỉnh"),
        ("expert2", new ProfileInput("Lê Thị Hồng Nhung", "none", "ts", ["y tế"], "Y tế công cộng",
            "Sở Y tế", null, true, "le.nhung@example.vn", null), "Hội Y học tỉnh"),
        ("expert3", new ProfileInput("Hoàng Đức Minh", "none", "bachelor", ["khác"], "Luật hành chính",
            "Đoàn Luật sư tỉnh", null, false, "hoang.minh@example.vn", null), ""),
    ];

    public int Order => 5;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var associations = await associationList.All(cancellationToken);
        foreach (var name in AssociationNames.Where(n => associations.All(a => a.Name != n)))
            await addAssociation.Handle(new AddAssociation(name, DemoAccounts.SeededBy), cancellationToken);
        associations = await associationList.All(cancellationToken);

        foreach (var (userName, profile, association) in Experts)
        {
            if (await profiles.ByUserName(userName, cancellationToken) is not null) continue;
            var withAssociation = profile with { AssociationId = associations.FirstOrDefault(a => a.Name == association)?.Id };
            await createProfile.Handle(new CreateProfile(userName, withAssociation, new ConsentAnswers(true, true), DemoAccounts.SeededBy), cancellationToken);
        }
    }
}
