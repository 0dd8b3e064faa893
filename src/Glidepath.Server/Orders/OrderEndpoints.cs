using Glidepath.Application;
using Glidepath.Application.Audit;
using Glidepath.Application.Orders;
using Glidepath.Domain.Orders;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Mvc;

namespace Glidepath.Server.Orders;

/// <summary>
/// <c>/api/accounts/{accountId}/orders</c>: place (step-up, idempotent by <c>Idempotency-Key</c>), list,
/// show, cancel. The broker executes them (docs/orders.md).
/// </summary>
public static class OrderEndpoints
{
    public static RouteGroupBuilder MapAccountOrderEndpoints(this RouteGroupBuilder account)
    {
        var orders = account.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", Place).RequireStepUp().KeepsItsOwnIdempotency().WithName("PlaceOrder")
            .WithSummary("Place an order")
            .WithDescription("Places a market or limit order in the account, executed by the account's broker. A retry with the same Idempotency-Key answers 200 with the order the first request placed, and places nothing. Requires a recent second factor (step-up).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        orders.MapGet("/", List).WithName("ListAccountOrders")
            .WithSummary("List the account's orders")
            .WithDescription("The account's orders, newest first, each with its status, transitions and fills; optionally only those of one status.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        orders.MapPost("/process", Process).CostsReads().WithName("ProcessAccountOrders")
            .WithSummary("Check the account's open orders for fills now")
            .WithDescription("Runs order processing (the same use case as the minute job and `glidepath orders process`) for this account's open orders only, as of today: submits pending orders and books every fill the broker reports. The paper broker fills at the first stored close after the order's day, so an order placed today waits for a later close. Draws on the caller's expensive-read budget (429 with Retry-After when spent).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        orders.MapGet("/{orderId:guid}", Get).WithName("GetOrder")
            .WithSummary("Show an order")
            .WithDescription("One order with its status, every transition (time and reason) and every fill with the ledger transaction it was booked as.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        orders.MapPost("/{orderId:guid}/cancel", Cancel).WithName("CancelOrder")
            .WithSummary("Cancel an order")
            .WithDescription("Cancels an open order (pending, submitted or partially filled; fills already booked stay). A final order answers 409.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return account;
    }

    private static async Task<Results<CreatedAtRoute<OrderDetailsDto>, Ok<OrderDetailsDto>, ProblemAnswer>> Place(
        Guid accountId,
        PlaceOrderRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        HttpContext http,
        AccountOrders orders,
        AuditLog audit,
        TimeProvider clock,
        CancellationToken ct)
    {
        var householdId = AccountScope.HouseholdOf(http);
        if (!(await orders.PlaceAsync(householdId, accountId, request, idempotencyKey, clock.GetUtcNow(), ct)).TryGet(out var placed, out var problem))
        {
            return problem.ToHttp();
        }

        var dto = OrderDetailsDto.From(placed.Details);
        if (!placed.Created)
        {
            return TypedResults.Ok(dto);
        }

        await audit.WriteAsync(AuditEvents.TradePlaced, http.User.UserId(), householdId, detail: $"order {dto.Id}: {dto.Side} {dto.Quantity} {dto.Type}", ct: ct);
        return TypedResults.CreatedAtRoute(dto, "GetOrder", new { accountId, orderId = dto.Id });
    }

    private static async Task<Results<Ok<List<OrderDetailsDto>>, ProblemAnswer>> List(
        Guid accountId, OrderStatus? status, HttpContext http, AccountOrders orders, CancellationToken ct) =>
        (await orders.ListAsync(AccountScope.HouseholdOf(http), accountId, status, ct)).ToHttp(l => TypedResults.Ok(l.Select(OrderDetailsDto.From).ToList()));

    private static async Task<Ok<OrderProcessingRunDto>> Process(Guid accountId, OrderProcessing processing, TimeProvider clock, CancellationToken ct)
    {
        var asOf = clock.Today();
        var run = await processing.ProcessAsync(asOf, clock.GetUtcNow(), accountId, ct);
        return TypedResults.Ok(new OrderProcessingRunDto(asOf, run.Orders, run.Submitted, run.Fills, run.Filled, run.Rejected, run.Expired, run.Cancelled, run.Errors));
    }

    private static async Task<Results<Ok<OrderDetailsDto>, ProblemAnswer>> Get(Guid accountId, Guid orderId, HttpContext http, AccountOrders orders, CancellationToken ct) =>
        (await orders.GetAsync(AccountScope.HouseholdOf(http), accountId, orderId, ct)).ToHttp(d => TypedResults.Ok(OrderDetailsDto.From(d)));

    private static async Task<Results<Ok<OrderDetailsDto>, ProblemAnswer>> Cancel(
        Guid accountId, Guid orderId, HttpContext http, AccountOrders orders, TimeProvider clock, CancellationToken ct) =>
        (await orders.CancelAsync(AccountScope.HouseholdOf(http), accountId, orderId, clock.GetUtcNow(), ct)).ToHttp(d => TypedResults.Ok(OrderDetailsDto.From(d)));
}
