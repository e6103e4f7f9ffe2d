using System.Security.Cryptography;
using System.Text;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>
/// Stream ids derived from what they belong to, so a consultation has one map scope stream and a voter one vote stream per
/// statement without a lookup (and two concurrent first votes of one person collide instead of both counting).
/// </summary>
public static class OpinionMapIds
{
    public static Guid ScopeOf(Guid consultationId) => Derived($"opinion-map\n{consultationId:N}");

    public static Guid VoteOf(Guid statementId, string voter) => Derived($"statement-vote\n{statementId:N}\n{voter.ToUpperInvariant()}");

    private static Guid Derived(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: application-defined
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
