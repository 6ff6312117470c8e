using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Api;

/// <summary>The JSON API of shared/spec/api.md (v1). It uses the same Core services as the pages.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddLeakRightsApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

    public static IEndpointRouteBuilder MapLeakRightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");

        api.MapGet("/questionnaire", (Questionnaire questionnaire) => TypedResults.Ok(ApiMapping.ToResponse(questionnaire)));

        api.MapPost("/plans", async (HttpRequest request, QuestionnaireWalker walker, PlanService plans) =>
        {
            var body = await RequestBodyReader.ReadAnswersAsync(request, walker, acceptLetterFields: false);
            return body.Error ?? ApiJson.Plan(ApiMapping.ToResponse(plans.Build(body.Parsed!.Answers), plans.Content));
        }).RequireRateLimiting(RateLimiting.Plans);

        api.MapPost("/plans/pdf", async (HttpRequest request, QuestionnaireWalker walker, PlanService plans, PdfRenderGate gate) =>
        {
            var body = await RequestBodyReader.ReadAnswersAsync(request, walker, acceptLetterFields: true);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var plan = plans.Build(body.Parsed!.Answers, body.Parsed.LetterFields);
            var pdf = await gate.RenderAsync(() => PlanPdf.Render(plan, fonts: plans.PdfFonts), request.HttpContext.RequestAborted);
            return TypedResults.File(pdf, "application/pdf", PlanPdfComposer.FileName(plan));
        }).RequireRateLimiting(RateLimiting.Pdf);

        api.MapGet("/statutes", (PlanService plans) => TypedResults.Ok(plans.Content.Laws.Select(ApiMapping.ToDto).ToList()));

        api.MapGet("/statutes/{law}/{article}", (string law, string article, PlanService plans) =>
        {
            var content = plans.Content;
            var reference = new CitationRef(law, article);
            return content.TryFindArticle(reference, out var found, out var foundArticle)
                ? TypedResults.Ok(ApiMapping.ToDto(found, foundArticle, content.Html(reference)))
                : Problems.NotFound($"没有找到条文 {reference}。");
        });

        return app;
    }
}
