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
    /// <summary>The stance in the words of the form and the acceptance report.</summary>
    public static string Vietnamese(this Stance stance) => stance switch
    {
        Stance.Agree => "Đồng ý",
        Stance.Disagree => "Không đồng ý",
        Stance.Amend => "Đề nghị sửa đổi",
        Stance.Add => "Đề nghị bổ sung",
        _ => "Ý kiến khác",
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
