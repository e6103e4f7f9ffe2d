using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// The local bearer token format with a memory of the tokens it has already opened. Opening a token (key derivation,
/// decryption, MAC check, ticket parsing) was the largest cost of a signed-in API call after the account read; an
/// expert or a client posts many calls with the same token. Only tokens that opened are remembered (a flood of
/// forged ones cannot fill the memory), each call gets its own copy of the ticket, and the handler still checks the
/// expiry on every call. Bounded: past <see cref="Capacity"/> tokens the memory starts again.
/// </summary>
public sealed class RememberedBearerTokens(ISecureDataFormat<AuthenticationTicket> format) : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> opened = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        if (purpose is null && opened.TryGetValue(protectedText, out var known)) return Copy(known);
        var ticket = format.Unprotect(protectedText, purpose);
        if (ticket is null || purpose is not null) return ticket;
        if (opened.Count >= Capacity) opened.Clear();
        opened[protectedText] = Copy(ticket);
        return ticket;
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
