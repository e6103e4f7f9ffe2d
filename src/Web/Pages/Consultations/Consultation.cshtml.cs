using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Web.Drafts;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>/consultations/{slug}: the draft with its table of contents, one element per section at #anchor.</summary>
public sealed class ConsultationModel(ConsultationQueries queries, FeedbackQueries feedback, Consultation.Surveys.SurveyQueries surveys, TimeProvider time) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public DraftVersion? Shown { get; private set; }
    public ILookup<string?, SectionSnapshot> Children { get; private set; } = Array.Empty<SectionSnapshot>().ToLookup(s => s.ParentAnchor);
    public DateTimeOffset Now { get; private set; }
    public bool CanManage => DraftsAccess.CanManage(User);
    public bool HasSurvey { get; private set; }

    public bool CanReview => Web.Feedback.Reader.Of(User).IsReviewer;

    /// <summary>Once the responses are published: the public items of each section, each with its response.</summary>
    public ILookup<string?, FeedbackItem> Answered { get; private set; } = Array.Empty<FeedbackItem>().ToLookup(i => i.SectionAnchor);

    public async Task<IActionResult> OnGetAsync(string slug, int? version, CancellationToken cancellation)
    {
        var found = await ConsultationEndpoints.Visible(slug, User, queries, cancellation);
        if (found is null) return NotFound();
        (Consultation, Now) = (found, time.GetUtcNow());
        Shown = await queries.Version(found.Id, version ?? found.CurrentVersion, cancellation);
        if (version is not null && Shown is null) return NotFound();
        Children = (Shown?.Sections ?? []).ToLookup(s => s.ParentAnchor);
        HasSurvey = await surveys.Find(found.Id, cancellation) is not null;
        if (found.ResponsesArePublic)
            Answered = (await feedback.List(found.Id, null, null, [FeedbackStatus.Published], cancellation)).ToLookup(i => i.SectionAnchor);
        return Page();
    }
}
