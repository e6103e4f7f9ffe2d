namespace Nq45Consult.Web.Dialogue;

/// <summary>SignalR group names of a session: everyone, its moderators, and each person (all their connections).</summary>
public static class DialogueGroups
{
    public static string Room(Guid session) => $"dialogue:{session:N}";

    public static string Moderators(Guid session) => $"dialogue:{session:N}:moderators";

    public static string Person(Guid session, string userName) => $"dialogue:{session:N}:user:{userName.ToUpperInvariant()}";
}
