namespace LeakRights.Web.Tests;

/// <summary>
/// One app shared by test classes that only read content and look at their own requests (downloads, privacy of the logs,
/// fuzzing). Classes in one collection run one after another; each app start (migrate, seed, load) costs more than that.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReadOnlyApp : ICollectionFixture<LeakRightsFactory>
{
    public const string Name = "Read-only app";
}

/// <summary>
/// One app for the tests that move its clock forward (plan link and draft expiry). They must not run beside other tests of
/// the same app, so they share a collection (run one after another) and each measures from the time it starts at. The
/// draft cookie cap is lowered to 800 characters so that a 100-character answer crosses it while a whole check fits.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MovingClockApp : ICollectionFixture<MovingClockApp.App>
{
    public const string Name = "Moving-clock app";

    public sealed class App : LeakRightsFactory
    {
        public App() => With("LeakRights:DraftCookieMaxLength", "800");
    }
}
