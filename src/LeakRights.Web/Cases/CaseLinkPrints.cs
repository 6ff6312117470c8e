using LeakRights.Core.Pdf;
using QRCoder;

namespace LeakRights.Web.Cases;

/// <summary>A case's link as printed on its PDF, with a QR code computed here (QRCoder's module matrix; the PDF draws squares).</summary>
public static class CaseLinkPrints
{
    public const string Heading = "您的案件链接";

    public const string Note = "用手机扫描二维码或输入上面的链接，可以在任何设备上打开您的案件，继续记录进展。链接就是钥匙：拿到它的人都能打开案件，请像保管钥匙一样保管，不要发到群里或网上。链接丢失后，任何人（包括我们）都无法找回案件。";

    /// <summary>The absolute link of <paramref name="link"/> as this request reached the site (behind a proxy: the forwarded host and scheme).</summary>
    public static string AbsoluteUrl(HttpRequest request, CaseLink link) => $"{request.Scheme}://{request.Host}{link.Path}";

    public static CaseLinkPrint For(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix.Select(row => (IReadOnlyList<bool>)[.. Enumerable.Range(0, row.Length).Select(i => row[i])]).ToList();
        return new CaseLinkPrint(Heading, url, modules, Note);
    }
}
