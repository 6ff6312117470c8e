namespace LeakRights.Web.Tests.Cases;

/// <summary>
/// A case sealed by the first version of the format (v1, 2026-11-28), made by an implementation independent of
/// <c>CaseCrypto</c> (<c>case-fixture-v1.py</c>, Python's cryptography package). It must keep opening with its link: never
/// regenerate it. A change to the key derivation, the associated data, the padding or the payload format makes
/// <c>Open_CaseSealedByVersion1…</c> fail.
/// </summary>
public static class CaseFixtures
{
    public const string Id = "FixtureCase1";
    public const string Secret = "KnownSecretForTests00A";

    /// <summary>The payload sealed in <see cref="Version1Blob"/> (676 bytes: two 512-byte buckets).</summary>
    public const string Version1Payload = """{"v":1,"createdOn":"2026-11-20","answers":{"source":"bank","insider":"yes","organisation-name":"某银行某支行","data-types":["identity","contact","property"],"scale":"unknown","discovery":["fraud-contact"],"discovered-on":"2026-10","infringer-known":"yes","infringer-known-on":"2026-10","evidence":["call-sms-records","loss-proof"],"harms":["financial-loss"],"loss-amount":20000,"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no"},"letter":{"your-name":"王小明"},"calendarDetails":false,"progress":[{"id":"e1","step":"send-deletion-request","kind":"done","on":"2026-11-21","channel":"ems","reference":"EA123456789CN","note":"挂号寄出"}]}""";

    public static byte[] Version1Blob => Convert.FromBase64String(
        "AdsxW9ey9m4boIffyeFz8yaECaMkfCFRWhEUdR/qQfVIkV+Vex9tuX4lguaVu15U15emb7LHa+892YtFSRLEE6ia1HKgXXoWOGYR5hSWrTEt7LwMYHlhIBUGGOSFHOVmbP+ZeV9OK1JqNM5L6kkImPAe+xEzmvv1U3bsvtD+8C80k9itW96H+5NJcQTivZPy6DsXW9K8ClcEUjx6fEfhVXrXsBNeKcitwEFmalnPv6iB8BaYQBftmA4S6w/smT0mJp+CPNzGt3xaeZ0a21z1V+c6etYstMfXgsLKv6Vgh4X7a8f7ncI3meFdvyxNPsARK4wYcdnSZ8jbv3lh1c9LChacd2pzinz/ycZU928Ak9NON0/cT5CNaVjDjm5sKfmyECgu7yV5p/xM3Sptr0uFdhygOThTl55/HWZWFZ1np8j0T0gfxmKFwizOwhig7NLGQBSAHV2mxwiSr1gW3MODJaLtFPw7fmwMJ5wa3ky84GAXhOj1/HDEReZFxmOlfhf0sJdCT4afXJol3KK46tQyDIshM0ReZGrOQAVVwdNwCa30OeNULNvXnXmybRlOdaNltrlkL/ERVHi61C22PYdPI2fAOCds6i4DVWu6sxLX59OQ0tN0tZvfj4tZXnPo/OGWasxPn98Bz4B/GFVaDdkG6Ht+c8kdN2oXJNH0Eui4IazslmzkgVihIlWB15LJ3THnk+3AbxQiwqEf2hASPpHgQmnVaTDwC8kD7KfhEOdKquZgTUzVHT+zGXkWKVW77ARj+UYqO/8CFgbb1nLpwjhaP1mCmOpkNlLBGBnoMJabyj+O9k+BX+4n1DYSpD5kdFsHeRnAL5CLMUB9gyG8FqGfJzvgheNIBU5uK1iI8eOSnuWYGfX7O8PO2wwkj2BSnAETyVBU+awiOA/qU3h/XWTof8QD+yMonLQiCjspL1ShReSK96LQHUNf+ZGtBTw05IRTfE2sKrFImPTWMOpHV2W/eB52r6hGe9Xr88SIwZsjFQUPVhnoEVfPNfsCJ+Q28qT/hwohooSczLVVxBYA7I8i2Fh28CrT7GoOn4Js/uvuSebPFUsgg2B12xYsfBMLnF1/7eN1eCOxmN1oS0WGLQhojgIWfzJrTas/lUqcrFHeuqi+yNsbhDJ0eeWQo/zQjduDOsHjHKqauNJVAhcxTi1U9THcDA5+PjnKhAsgx1HQpGd6zaolzMXqGijLcRPmCsFUOu3OVXJZ3TA+JwEY4ZUdSllPHOKyRaJwnLUVZxIh27dI+FdX0w5o37qUuw21nE27D2s/WY+Oer2OEZVFo0lD2csKTqTe0c/fIQkJENFGZKILD9tU8Isy5LFTtirVK+6lccMfdknN46NS48461/AZP2+WNr7mqnb/NuRI47rKMtt6gq8rdYCSGQZ7Cvy6");
}
