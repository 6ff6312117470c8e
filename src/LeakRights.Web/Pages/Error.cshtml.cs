using LeakRights.Web.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages;

/// <summary>Chinese error pages for people; problem details for API clients. Never an exception text or stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = string.Empty;

    // No bound parameters: binding would read the form, and after a broken request body (too large, cut off) that fails again.
    public IActionResult OnGet() => Handle();

    public IActionResult OnPost() => Handle();

    private IActionResult Handle()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var status = error is not null
            ? error.Error switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                CaseStoreUnavailableException or Infrastructure.ServerBusyException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            }
            : code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        (Title, Message) = status switch
        {
            404 => ("找不到这个页面", "您要找的页面不存在，可能是链接不完整。可以回到首页重新开始。"),
            400 => ("请求有误", "提交的内容无法处理，请返回上一页检查后重试。"),
            405 => ("无法这样访问", "这个页面不支持这样的访问方式，请从首页进入。"),
            408 => ("提交中断了", "提交的内容传得太慢或中途断开了，请检查网络后重新提交。"),
            413 => ("提交的内容太大", "提交的内容超过了允许的大小，请精简后重试。"),
            415 => ("无法识别提交的内容", "请通过页面上的表单提交。"),
            429 => ("请求太频繁", "您的操作太频繁了，请稍等一会儿再试。"),
            503 when error?.Error is CaseStoreUnavailableException => ("暂时无法打开案件", CaseStoreUnavailableException.Message503),
            503 when error?.Error is Infrastructure.ServerBusyException => ("现在人很多", Infrastructure.ServerBusyException.Message503),
            _ => ("出错了", "服务器暂时出了问题，您的答案仍保存在您的浏览器中。请稍后再试；紧急情况请直接拨打 110。"),
        };

        if (error?.Error is Infrastructure.ServerBusyException)
        {
            Response.Headers.RetryAfter = "30";
        }

        if (original is not null && original.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return new ObjectResult(new ProblemDetails { Status = status, Title = Title, Detail = Message })
            {
                StatusCode = status,
                ContentTypes = { "application/problem+json" },
            };
        }

        Response.StatusCode = status;
        return Page();
    }
}
