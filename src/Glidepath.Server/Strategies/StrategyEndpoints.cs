using System.Security.Claims;
using Glidepath.Application.Strategies;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Strategies;

/// <summary>
/// Published strategies (docs/strategies.md), onto <see cref="PublishedStrategies"/>: anyone signed in lists, reads,
/// charts and reports them (<c>/api/strategies</c>); the publisher changes one; a household's owner publishes from a
/// model portfolio, follows and copies (<c>/api/households/{id}/strategies</c>, <c>…/strategy-follows</c>, owner only);
/// admins list the reports and hide (<c>/api/admin/strategies</c>).
/// </summary>
public static class StrategyEndpoints
{
    public static IEndpointRouteBuilder MapStrategyEndpoints(this IEndpointRouteBuilder api)
    {
        var strategies = api.MapGroup("/strategies").WithTags("Strategies");
        strategies.MapGet("", List).WithName("ListStrategies").WithSummary("List published strategies")
            .WithDescription("Every visible published strategy, newest first: name, description, target weights by asset class, rebalancing rule, proxy instruments and followers. Never the publisher's holdings or amounts.");
        strategies.MapGet("/{strategyId:guid}", Get).WithName("GetStrategy").WithSummary("Get a strategy")
            .WithDescription("One published strategy. A hidden one answers 404 except to its publisher and admins.").ProducesProblems(StatusCodes.Status404NotFound);
        strategies.MapPut("/{strategyId:guid}", Update).WithName("UpdateStrategy").WithSummary("Change a strategy")
            .WithDescription("The publisher changes the name, description, weights, rule or proxies (null keeps a value). New weights or a new rule make a new revision from today on; followers are notified (strategy.updated). Others get 403 not-the-publisher.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        strategies.MapGet("/{strategyId:guid}/performance", Performance).WithName("GetStrategyPerformance").WithSummary("A strategy's performance since publication")
            .WithDescription("Growth of 1 invested at the targets at the first close on or after publication, rebalanced by the rule, on the proxies' shared closes up to to (default today): TTWROR, annualised from 365 days, maximum drawdown with its peak and trough, and the daily series (docs/strategies.md).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound).CostsReads();
        strategies.MapPost("/{strategyId:guid}/reports", Report).WithName("ReportStrategy").WithSummary("Report a strategy")
            .WithDescription("Tells the moderators what is wrong with a strategy (201), once per user and strategy (409 already-reported).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var admin = api.MapGroup("/admin/strategies").WithTags("Admin").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("", AdminList).WithName("ListStrategiesForModeration").WithSummary("Strategies with their reports")
            .WithDescription("Every strategy, hidden ones included, with the number of reports and their reasons, most reported first. Admins only.");
        admin.MapPost("/{strategyId:guid}/hide", Hide).WithName("HideStrategy").WithSummary("Hide a strategy")
            .WithDescription("Takes the strategy off the list and its page (its publisher still sees it) and tells its followers. Admins only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        admin.MapDelete("/{strategyId:guid}/hide", Show).WithName("ShowStrategy").WithSummary("Show a hidden strategy again")
            .WithDescription("Lists the strategy again. Admins only.").ProducesProblems(StatusCodes.Status404NotFound);
        return api;
    }

    public static RouteGroupBuilder MapHouseholdStrategyEndpoints(this RouteGroupBuilder household)
    {
        var publish = household.MapGroup("/strategies").WithTags("Strategies").RequireHouseholdOwner();
        publish.MapPost("", Publish).WithName("PublishStrategy").WithSummary("Publish a model portfolio as a strategy")
            .WithDescription("Publishes one of the household's model portfolios (201): its weights, a rebalancing rule (default Quarterly) and, per asset class, a shared proxy instrument (default: the one with the most closes). Nothing of the household's holdings is published. Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        publish.MapPost("/{strategyId:guid}/copy", Copy).WithName("CopyStrategy").WithSummary("Copy a strategy into the household")
            .WithDescription("Stores the strategy's weights as a model portfolio of the household (201) and, unless setTargets is false, makes it the household-wide rebalance targets. Owner only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        var follows = household.MapGroup("/strategy-follows").WithTags("Strategies").RequireHouseholdOwner();
        follows.MapGet("", Following).WithName("ListFollowedStrategies").WithSummary("Strategies the household follows")
            .WithDescription("The strategies the household follows, by name. Owner only.");
        follows.MapPut("/{strategyId:guid}", Follow).WithName("FollowStrategy").WithSummary("Follow a strategy")
            .WithDescription("The household's owner is notified when the strategy changes (strategy.updated). 201 for a new follow, 200 when it already follows. Owner only.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        follows.MapDelete("/{strategyId:guid}", Unfollow).WithName("UnfollowStrategy").WithSummary("Stop following a strategy")
            .WithDescription("No more notifications of the strategy's changes. Owner only.").ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static PublishedStrategies.Viewer Viewer(ClaimsPrincipal user) => new(user.UserId(), user.IsInRole(Roles.Admin) && user.HasMfa());

    private static async Task<Ok<List<StrategyDto>>> List(HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        TypedResults.Ok((await strategies.ListAsync(Viewer(http.User), ct)).ToList());

    private static async Task<Results<Ok<StrategyDto>, ProblemAnswer>> Get(Guid strategyId, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.GetAsync(strategyId, Viewer(http.User), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<StrategyDto>, ProblemAnswer>> Update(
        Guid strategyId, UpdateStrategyRequest request, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.UpdateAsync(strategyId, Viewer(http.User), request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<StrategyPerformanceDto>, ProblemAnswer>> Performance(
        Guid strategyId, DateOnly? to, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.PerformanceAsync(strategyId, Viewer(http.User), to, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<StrategyReportDto>, ProblemAnswer>> Report(
        Guid strategyId, ReportStrategyRequest request, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.ReportAsync(strategyId, Viewer(http.User), request, ct)).ToHttp(r => TypedResults.Created($"/api/strategies/{strategyId}/reports/{r.Id}", r));

    private static async Task<Ok<List<AdminStrategyDto>>> AdminList(HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        TypedResults.Ok((await strategies.AdminListAsync(http.User.UserId(), ct)).ToList());

    private static async Task<Results<Ok<StrategyDto>, ProblemAnswer>> Hide(
        Guid strategyId, HideStrategyRequest? request, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.ModerateAsync(strategyId, http.User.UserId(), hide: true, request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<StrategyDto>, ProblemAnswer>> Show(Guid strategyId, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.ModerateAsync(strategyId, http.User.UserId(), hide: false, null, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<StrategyDto>, ProblemAnswer>> Publish(
        Guid householdId, PublishStrategyRequest request, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.PublishAsync(householdId, http.User.UserId(), http.User.IsInRole(Roles.Advisor), request, ct))
            .ToHttp(s => TypedResults.Created($"/api/strategies/{s.Id}", s));

    private static async Task<Results<Created<StrategyCopyDto>, ProblemAnswer>> Copy(
        Guid householdId, Guid strategyId, CopyStrategyRequest? request, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.CopyAsync(householdId, strategyId, Viewer(http.User), request ?? new CopyStrategyRequest(), ct))
            .ToHttp(c => TypedResults.Created($"/api/households/{householdId}/model-portfolios/{c.ModelPortfolioId}", c));

    private static async Task<Ok<List<StrategyFollowDto>>> Following(Guid householdId, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        TypedResults.Ok((await strategies.FollowingAsync(householdId, Viewer(http.User), ct)).ToList());

    /// <summary>201 for a new follow; 200 when the household already follows.</summary>
    private static async Task<Results<Created<StrategyFollowDto>, Ok<StrategyFollowDto>, ProblemAnswer>> Follow(
        Guid householdId, Guid strategyId, HttpContext http, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.FollowAsync(householdId, strategyId, Viewer(http.User), ct)).TryGet(out var followed, out var problem)
            ? followed.IsNew ? TypedResults.Created($"/api/households/{householdId}/strategy-follows/{strategyId}", followed.Follow) : TypedResults.Ok(followed.Follow)
            : problem.ToHttp();

    private static async Task<Results<NoContent, ProblemAnswer>> Unfollow(Guid householdId, Guid strategyId, PublishedStrategies strategies, CancellationToken ct) =>
        (await strategies.UnfollowAsync(householdId, strategyId, ct)).ToHttp(_ => TypedResults.NoContent());
}
