namespace LeakRights.Core.Pdf;

/// <summary>
/// A saved case's link as printed on its PDF: a heading, the link, its QR code (rows of modules, true = dark, made by the web
/// app) and a note on keeping it safe. Printed in the body only, never in the document's metadata.
/// </summary>
public sealed record CaseLinkPrint(string Heading, string Url, IReadOnlyList<IReadOnlyList<bool>> Modules, string Note);
