namespace Nq45Consult.Consultation.Feedback;

/// <summary>What the expert says about the passage: travels as <c>agree | disagree | amend | add | other</c>.</summary>
public enum Stance
{
    Agree,
    Disagree,
    Amend,
    Add,
    Other,
}

public static class StanceNames
{
    /// <summary>The stance in the words of the acceptance report, a state document in Vietnamese whatever the reader's language.</summary>
    public static string Vietnamese(this Stance stance) => DomainText.InVietnamese(() => stance.Label());

    /// <summary>The stance in the words of the form, in the reader's language.</summary>
    public static string Label(this Stance stance) => stance switch
    {
        Stance.Agree => DomainText.StanceAgree,
        Stance.Disagree => DomainText.StanceDisagree,
        Stance.Amend => DomainText.StanceAmend,
        Stance.Add => DomainText.StanceAdd,
        _ => DomainText.StanceOther,
    };
}

/// <summary>Whether the author's name is shown: <c>named | anonymous</c> ("Ẩn danh" to all but moderators).</summary>
public enum Attribution
{
    Named,
    Anonymous,
}

/// <summary>Where an item stands for readers. Hidden wins over withdrawn: moderators see why it is gone.</summary>
public enum FeedbackStatus
{
    Published,
    Withdrawn,
    Hidden,
}

/// <summary>Why a moderator hid or restored an item; the public moderation log counts these.</summary>
public enum ModerationCategory
{
    Spam,
    Offensive,
    PersonalData,
    OffTopic,
    Duplicate,
    Other,
}

/// <summary>What a moderator does to an item: <c>hide | restore</c>.</summary>
public enum ModerationAction
{
    Hide,
    Restore,
}
