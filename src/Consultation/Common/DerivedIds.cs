using System.Security.Cryptography;
using System.Text;

namespace Nq45Consult.Consultation.Common;

/// <summary>
/// Ids derived from what they name (a UUID of version 8 from SHA-256): one stream per pair of things without a lookup,
/// so two concurrent first writes for the same pair collide instead of both counting.
/// </summary>
public static class DerivedIds
{
    public static Guid Of(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: application-defined
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
