using System.Net.Mail;

namespace Nq45Consult.Consultation.Accounts;

/// <summary>What the platform accepts as an e-mail address (accounts and expert profiles alike).</summary>
public static class EmailAddress
{
    /// <summary>One plain address, with a dotted host; no display name, no spaces.</summary>
    public static bool IsValid(string text) =>
        text.Length <= 254 && !text.Contains(' ') && MailAddress.TryCreate(text, out var address)
        && address.Address == text && address.Host.Contains('.') && !address.Host.EndsWith('.');
}
