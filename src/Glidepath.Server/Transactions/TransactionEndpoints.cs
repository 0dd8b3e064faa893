using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Api;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Transactions;

/// <summary>A household's transaction history: <c>/api/households/{householdId}/transactions</c>.</summary>
public static class TransactionEndpoints
{

    public static RouteGroupBuilder MapTransactionEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/transactions").WithTags("Transactions");
        group.MapGet("/", List).WithPageLinks();
        group.MapGet("/{transactionId:guid}", Get).WithName("GetTransaction");
        group.MapPost("/", PostOne).ProducesBookingProblems().KeepsItsOwnIdempotency();
        group.MapPost("/batch", PostBatch).ProducesBookingProblems().KeepsItsOwnIdempotency();
        group.MapPost("/sell-preview", PreviewSell).ProducesBookingProblems().ComputesOnly();
        group.MapPut("/{transactionId:guid}", Put).ProducesBookingProblems();
        group.MapDelete("/{transactionId:guid}", Delete).ProducesBookingProblems();
        return household;
    }

    private static RouteHandlerBuilder ProducesBookingProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static IServiceCollection AddTransactions(this IServiceCollection services) => services.AddScoped<TransactionBooking>().AddScoped<TransactionEditing>();

    /// <summary>Newest first; filter by account and by trade-date range.</summary>
    private static async Task<Results<Ok<TransactionPage>, NotFoundProblem, ValidationProblem>> List(
        Guid householdId, Guid? accountId, DateOnly? from, DateOnly? to, int? page, int? pageSize, GlidepathDbContext db, CancellationToken ct)
    {
        var (pageNumber, size) = (page ?? 1, pageSize ?? 100);
        var errors = new ValidationErrors()
            .Check(pageNumber >= 1, "page", "Pages count from 1.")
            .Check(size is >= 1 and <= 1000, "pageSize", "The page size is between 1 and 1000.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (accountId is { } id && !await db.Accounts.AnyAsync(a => a.Id == id && a.HouseholdId == householdId, ct))
        {
            return AccountEndpoints.NotFound(id);
        }

        var query = db.Transactions.AsNoTracking()
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .Where(t => accountId == null || t.AccountId == accountId)
            .Where(t => from == null || t.TradeDate >= from)
            .Where(t => to == null || t.TradeDate <= to);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.TradeDate).ThenBy(t => t.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new TransactionPage([.. items.Select(t => t.ToDto())], pageNumber, size, total));
    }

    private static async Task<Results<Ok<TransactionDto>, NotFoundProblem>> Get(
        Guid householdId, Guid transactionId, GlidepathDbContext db, CancellationToken ct) =>
        await db.Transactions.AsNoTracking()
            .Where(t => t.Id == transactionId && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .FirstOrDefaultAsync(ct) is { } transaction
            ? TypedResults.Ok(transaction.ToDto())
            : new NotFoundProblem(ErrorCodes.TransactionNotFound, $"Transaction {transactionId} is not in this household.");

    /// <summary>
    /// Books one transaction. A retry carrying the same external id (or Idempotency-Key header)
    /// answers 200 with the transaction the first request booked, and books nothing.
    /// </summary>
    private static async Task<Results<CreatedAtRoute<TransactionDto>, Ok<TransactionDto>, ValidationProblem, ApiProblem>> PostOne(
        Guid householdId,
        TransactionRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        TransactionBooking booking,
        CancellationToken ct)
    {
        var outcome = await booking.BookAsync(householdId, [request], idempotencyKey, ct);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        var booked = outcome.Booked!.Transactions[0];
        return outcome.Booked.Created == 1
            ? TypedResults.CreatedAtRoute(booked, "GetTransaction", new { householdId, transactionId = booked.Id })
            : TypedResults.Ok(booked);
    }

    /// <summary>Books several transactions all or nothing; each may carry its own external id.</summary>
    private static async Task<Results<Created<TransactionBatchResult>, Ok<TransactionBatchResult>, ValidationProblem, ApiProblem>> PostBatch(
        Guid householdId,
        TransactionBatchRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        TransactionBooking booking,
        CancellationToken ct)
    {
        if (request.Transactions is not { Count: > 0 } requests)
        {
            return ValidationErrors.Single("transactions", "At least one transaction is required.");
        }

        if (requests.Any(r => r is null))
        {
            return ValidationErrors.Single("transactions", "A transaction in the list is null.");
        }

        var outcome = await booking.BookAsync(householdId, requests, idempotencyKey, ct);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        return outcome.Booked!.Created > 0 ? TypedResults.Created((string?)null, outcome.Booked) : TypedResults.Ok(outcome.Booked);
    }

    /// <summary>
    /// Replaces a booked transaction's fields (its external id stays) and replays the history; a transfer's
    /// other half follows its date, instrument, quantity and amount. Audited.
    /// </summary>
    private static async Task<Results<Ok<TransactionDto>, ValidationProblem, ApiProblem>> Put(
        Guid householdId, Guid transactionId, TransactionRequest request, TransactionEditing editing, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var outcome = await editing.EditAsync(householdId, transactionId, request, ct);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        await audit.WriteAsync(AuditEvents.TransactionEdited, http.User.UserId(), householdId, detail: transactionId.ToString(), ct: ct);
        return TypedResults.Ok(outcome.Value!);
    }

    /// <summary>Deletes a transaction (both halves of a transfer) and replays the history. Audited.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ApiProblem>> Delete(
        Guid householdId, Guid transactionId, TransactionEditing editing, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var outcome = await editing.DeleteAsync(householdId, transactionId, ct);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        await audit.WriteAsync(AuditEvents.TransactionDeleted, http.User.UserId(), householdId, detail: string.Join(' ', outcome.Value!), ct: ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The lots a sell would relieve, at what basis and gain, under the account's relief method; books
    /// nothing. <paramref name="replacing"/>: the stored transaction the sell would replace (an edit).
    /// </summary>
    private static async Task<Results<Ok<SellPreviewDto>, ValidationProblem, ApiProblem>> PreviewSell(
        Guid householdId, Guid? replacing, TransactionRequest request, TransactionEditing editing, CancellationToken ct)
    {
        var outcome = await editing.PreviewSellAsync(householdId, request, replacing, ct);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        return outcome.Refused is { } refused ? refused : TypedResults.Ok(outcome.Value!);
    }
}
