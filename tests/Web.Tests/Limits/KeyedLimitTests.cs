using Microsoft.Extensions.Time.Testing;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Tests.Limits;

/// <summary>
/// The fixed window each key of a hub limit (and of the sign-in and reset limits by name) is counted in: worked out
/// when the key acts, so an idle key costs nothing, and swept once it has ended.
/// </summary>
public class KeyedLimitTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void A_key_may_act_as_often_as_the_limit_permits_in_its_window_and_is_then_told_when_it_may_act_again()
    {
        using var limit = new KeyedLimit(new RateLimit(2, TimeSpan.FromSeconds(10)), time);

        Assert.Null(limit.Refusal("a"));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(limit.Refusal("a"));

        Assert.Equal(TimeSpan.FromSeconds(6), limit.Refusal("a"));
        Assert.Null(limit.Refusal("b"));
    }

    [Fact]
    public void A_refused_call_is_not_counted_and_the_key_acts_again_once_its_window_has_ended()
    {
        using var limit = new KeyedLimit(new RateLimit(1, TimeSpan.FromSeconds(10)), time);
        Assert.Null(limit.Refusal("a"));
        for (var i = 0; i < 5; i++) Assert.NotNull(limit.Refusal("a"));

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(limit.Refusal("a"));
        Assert.Equal(TimeSpan.FromSeconds(10), limit.Refusal("a"));
    }

    [Fact]
    public void Keys_whose_window_has_ended_are_swept_and_keys_in_a_window_are_kept()
    {
        using var limit = new KeyedLimit(new RateLimit(1, TimeSpan.FromSeconds(90)), time);
        Assert.Null(limit.Refusal("early"));
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Null(limit.Refusal("late"));

        // The sweep runs every window (90 s, longer than a minute): "early"'s window has ended, "late"'s has 60 s left.
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, limit.Keys);
        Assert.NotNull(limit.Refusal("late"));
        Assert.Null(limit.Refusal("early"));
    }
}
