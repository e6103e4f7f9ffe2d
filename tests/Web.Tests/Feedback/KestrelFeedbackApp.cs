using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>The feedback fixture on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelFeedbackApp : FeedbackFixture
{
    public KestrelFeedbackApp()
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
}
