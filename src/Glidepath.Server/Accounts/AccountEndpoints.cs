using Glidepath.Application.Accounts;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Accounts;

/// <summary>A household's accounts: <c>/api/households/{householdId}/accounts</c>, onto <see cref="HouseholdAccounts"/>.</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/accounts").WithTags("Accounts");
        group.MapGet("/", List);
        group.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{accountId:guid}", Get).WithName("GetAccount").ProducesProblems(StatusCodes.Status404NotFound);
        // Changing bank details (institution, account number) and deleting data are critical actions.
        group.MapPut("/{accountId:guid}", Update).AcceptsIfMatch().RequireStepUp().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{accountId:guid}", Delete).RequireStepUp().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return household;
    }

    /// <summary>The 404 every feature answers for an account id outside the household.</summary>
    public static NotFoundProblem NotFound(Guid accountId) => new(ErrorCodes.AccountNotFound, $"Account {accountId} is not in this household.");

    private static async Task<Ok<List<AccountDto>>> List(Guid householdId, HouseholdAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok((await accounts.ListAsync(householdId, ct)).Select(a => a.ToDto()).ToList());

    private static async Task<Results<Ok<AccountDto>, ProblemAnswer>> Get(Guid householdId, Guid accountId, HouseholdAccounts accounts, CancellationToken ct) =>
        (await accounts.GetAsync(householdId, accountId, ct)).ToHttp(a => TypedResults.Ok(a.ToDto()));

    private static async Task<Results<CreatedAtRoute<AccountDto>, ProblemAnswer>> Create(
        Guid householdId, CreateAccountRequest request, HouseholdAccounts accounts, CancellationToken ct) =>
        (await accounts.CreateAsync(householdId, request, ct))
            .ToHttp(a => TypedResults.CreatedAtRoute(a.ToDto(), "GetAccount", new { householdId, accountId = a.Id }));

    private static async Task<Results<Ok<AccountDto>, ProblemAnswer>> Update(
        Guid householdId, Guid accountId, UpdateAccountRequest request, HouseholdAccounts accounts, CancellationToken ct) =>
        (await accounts.UpdateAsync(householdId, accountId, request, ct)).ToHttp(a => TypedResults.Ok(a.ToDto()));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(
        Guid householdId, Guid accountId, HouseholdAccounts accounts, HttpContext http, CancellationToken ct) =>
        (await accounts.DeleteAsync(householdId, accountId, http.User.UserId(), ct)).ToHttp(_ => TypedResults.NoContent());
}
