namespace LeakRights.Core.Content;

/// <summary>How well a channel's contact details are confirmed (from the legal pack's channels.md).</summary>
public enum ConfirmationStatus
{
    ConfirmedLawText,
    ConfirmedOfficialPage,
    ConfirmedThirdParty,
    NotConfirmed,
}

public sealed record Authority(
    string Id,
    string Name,
    string? Hotline,
    string? Website,
    string Handles,
    string HowTo,
    ConfirmationStatus Status,
    string StatusNote,
    string? LastVerified);
