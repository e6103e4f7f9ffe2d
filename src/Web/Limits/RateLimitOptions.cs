using System.Threading.RateLimiting;

namespace Nq45Consult.Web.Limits;

/// <summary>At most <see cref="Permits"/> actions in each fixed <see cref="Window"/>, counted per partition (address, user, connection).</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    public RateLimit() { }

    public RateLimit(int permits, TimeSpan window) => (Permits, Window) = (permits, window);

    /// <summary>No queue: an action over the limit is refused at once, with the time until the window renews.</summary>
    public FixedWindowRateLimiterOptions Limiter() =>
        new() { PermitLimit = Permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>
/// Abuse limits (section <c>RateLimits</c>): how often an address, a person or a hub connection may act. Each is
/// refused over its limit with 429 and <c>Retry-After</c> (a <c>HubException</c> on hubs).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (API and page) from one IP address; an office behind one address shares it.</summary>
    public RateLimit SignInPerAddress { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Sign-in attempts (API and page) for one user name, whatever the address.</summary>
    public RateLimit SignInPerUserName { get; set; } = new(10, TimeSpan.FromMinutes(5));

    /// <summary>"Forgot password" requests (API and page) from one IP address.</summary>
    public RateLimit PasswordResetPerAddress { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>"Forgot password" requests (API and page) for one e-mail address, whatever the IP address: its mailbox is not flooded.</summary>
    public RateLimit PasswordResetPerEmail { get; set; } = new(3, TimeSpan.FromHours(1));

    /// <summary>Feedback submissions and revisions (API and page) by one person.</summary>
    public RateLimit FeedbackPerUser { get; set; } = new(30, TimeSpan.FromMinutes(10));

    /// <summary>Reports of feedback items (API and page) by one person.</summary>
    public RateLimit ReportsPerUser { get; set; } = new(20, TimeSpan.FromMinutes(10));

    /// <summary>Live room: questions (<c>Ask</c>, <c>AskAbout</c>) by one person, over all their connections.</summary>
    public RateLimit QuestionsPerUser { get; set; } = new(5, TimeSpan.FromMinutes(1));

    /// <summary>Live room: chat messages (<c>Say</c>) by one person.</summary>
    public RateLimit MessagesPerUser { get; set; } = new(20, TimeSpan.FromMinutes(1));

    /// <summary>Live room: upvotes and their withdrawal (<c>Upvote</c>) by one person.</summary>
    public RateLimit UpvotesPerUser { get; set; } = new(60, TimeSpan.FromMinutes(1));

    /// <summary>Live room: poll votes (<c>Vote</c>) by one person.</summary>
    public RateLimit VotesPerUser { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Live room: entering a room (<c>Join</c>) by one person.</summary>
    public RateLimit JoinsPerUser { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Live room: catching up after a reconnect (<c>Resync</c>), per connection.</summary>
    public RateLimit ResyncsPerConnection { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Consultation page live updates: <c>Watch</c> calls per connection.</summary>
    public RateLimit WatchesPerConnection { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Sign-up requests (API and page) from one IP address: each sends an e-mail.</summary>
    public RateLimit SignUpPerAddress { get; set; } = new(10, TimeSpan.FromHours(1));

    /// <summary>Every limit by its setting name.</summary>
    public IReadOnlyDictionary<string, RateLimit> All() => new Dictionary<string, RateLimit>
    {
        [nameof(SignInPerAddress)] = SignInPerAddress,
        [nameof(SignInPerUserName)] = SignInPerUserName,
        [nameof(PasswordResetPerAddress)] = PasswordResetPerAddress,
        [nameof(PasswordResetPerEmail)] = PasswordResetPerEmail,
        [nameof(FeedbackPerUser)] = FeedbackPerUser,
        [nameof(ReportsPerUser)] = ReportsPerUser,
        [nameof(QuestionsPerUser)] = QuestionsPerUser,
        [nameof(MessagesPerUser)] = MessagesPerUser,
        [nameof(UpvotesPerUser)] = UpvotesPerUser,
        [nameof(VotesPerUser)] = VotesPerUser,
        [nameof(JoinsPerUser)] = JoinsPerUser,
        [nameof(ResyncsPerConnection)] = ResyncsPerConnection,
        [nameof(WatchesPerConnection)] = WatchesPerConnection,
        [nameof(SignUpPerAddress)] = SignUpPerAddress,
    };

    public IEnumerable<string> Problems()
    {
        foreach (var (name, limit) in All())
        {
            if (limit.Permits < 1) yield return $"{Section}:{name}:Permits must be at least 1.";
            if (limit.Window < TimeSpan.FromSeconds(1)) yield return $"{Section}:{name}:Window must be at least one second.";
        }
    }
}
