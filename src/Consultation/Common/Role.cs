namespace Nq45Consult.Consultation.Common;

/// <summary>What a person does on the platform. Entra ID app roles carry the same names.</summary>
public enum Role
{
    /// <summary>Gives feedback (phản biện) on drafts and answers surveys.</summary>
    Expert,

    /// <summary>Runs consultations: publishes drafts, opens and closes them, moderates feedback and sessions.</summary>
    Moderator,

    /// <summary>Speaks for the drafting agency: responds to feedback and publishes the responses.</summary>
    Official,

    /// <summary>Manages accounts and the installation.</summary>
    Admin,
}
