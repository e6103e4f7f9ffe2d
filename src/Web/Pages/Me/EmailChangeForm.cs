namespace Nq45Consult.Web.Pages.Me;

/// <summary>The profile page's form for a new e-mail address; the password proves it is the person asking.</summary>
public sealed class EmailChangeForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
