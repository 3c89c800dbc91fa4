namespace ElectionPrep.Infrastructure;

/// <summary>A clock the tests set and move, injected as the server's <see cref="TimeProvider"/>.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
