using Glidepath.Application.Transactions;
using Glidepath.Domain.Results;
using Glidepath.Server.Api;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Glidepath.Server.Transactions;

/// <summary>A household's transaction history: <c>/api/households/{householdId}/transactions</c>.</summary>
public static class TransactionEndpoints
{
    public static RouteGroupBuilder MapTransactionEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/transactions").WithTags("Transactions");
        group.MapGet("/", List).WithPageLinks().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{transactionId:guid}", Get).WithName("GetTransaction").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/", PostOne).ProducesBookingProblems().KeepsItsOwnIdempotency();
        group.MapPost("/batch", PostBatch).ProducesBookingProblems().KeepsItsOwnIdempotency();
        group.MapPost("/sell-preview", PreviewSell).ProducesBookingProblems().ComputesOnly();
        group.MapPut("/{transactionId:guid}", Put).ProducesBookingProblems();
        group.MapDelete("/{transactionId:guid}", Delete).ProducesBookingProblems();
        return household;
    }

    /// <summary>The statuses a booking, an edit, a deletion or a sell preview can answer (onto <see cref="TransactionBooking"/>, <see cref="TransactionEditing"/>).</summary>
    private static RouteHandlerBuilder ProducesBookingProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static IServiceCollection AddTransactions(this IServiceCollection services) => services.AddScoped<TransactionBooking>().AddScoped<TransactionEditing>();

    /// <summary>Newest first; filter by account and by trade-date range.</summary>
    private static async Task<Results<Ok<TransactionPage>, ProblemAnswer>> List(
        Guid householdId, Guid? accountId, DateOnly? from, DateOnly? to, int? page, int? pageSize, HouseholdTransactions transactions, CancellationToken ct) =>
        (await transactions.ListAsync(householdId, new TransactionQuery(accountId, from, to, page, pageSize), ct))
            .ToHttp(l => TypedResults.Ok(new TransactionPage([.. l.Items.Select(t => t.ToDto())], l.Page, l.PageSize, l.TotalCount)));

    private static async Task<Results<Ok<TransactionDto>, ProblemAnswer>> Get(
        Guid householdId, Guid transactionId, HouseholdTransactions transactions, CancellationToken ct) =>
        (await transactions.GetAsync(householdId, transactionId, ct)).ToHttp(t => TypedResults.Ok(t.ToDto()));

    /// <summary>
    /// Books one transaction. A retry carrying the same external id (or Idempotency-Key header)
    /// answers 200 with the transaction the first request booked, and books nothing.
    /// </summary>
    private static async Task<Results<CreatedAtRoute<TransactionDto>, Ok<TransactionDto>, ProblemAnswer>> PostOne(
        Guid householdId,
        TransactionRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        TransactionBooking booking,
        CancellationToken ct)
    {
        if (!(await booking.BookAsync(householdId, [request], idempotencyKey, ct)).TryGet(out var outcome, out var problem))
        {
            return problem.ToHttp();
        }

        var booked = outcome.Transactions[0];
        return outcome.Created == 1
            ? TypedResults.CreatedAtRoute(booked, "GetTransaction", new { householdId, transactionId = booked.Id })
            : TypedResults.Ok(booked);
    }

    /// <summary>Books several transactions all or nothing; each may carry its own external id.</summary>
    private static async Task<Results<Created<TransactionBatchResult>, Ok<TransactionBatchResult>, ProblemAnswer>> PostBatch(
        Guid householdId,
        TransactionBatchRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        TransactionBooking booking,
        CancellationToken ct)
    {
        if (request.Transactions is not { Count: > 0 } requests)
        {
            return Problem.Invalid("transactions", "At least one transaction is required.").ToHttp();
        }

        if (requests.Any(r => r is null))
        {
            return Problem.Invalid("transactions", "A transaction in the list is null.").ToHttp();
        }

        if (!(await booking.BookAsync(householdId, requests, idempotencyKey, ct)).TryGet(out var outcome, out var problem))
        {
            return problem.ToHttp();
        }

        return outcome.Created > 0 ? TypedResults.Created((string?)null, outcome) : TypedResults.Ok(outcome);
    }

    /// <summary>
    /// Replaces a booked transaction's fields (its external id stays) and replays the history; a transfer's
    /// other half follows its date, instrument, quantity and amount. Audited.
    /// </summary>
    private static async Task<Results<Ok<TransactionDto>, ProblemAnswer>> Put(
        Guid householdId, Guid transactionId, TransactionRequest request, TransactionEditing editing, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (!(await editing.EditAsync(householdId, transactionId, request, ct)).TryGet(out var edited, out var problem))
        {
            return problem.ToHttp();
        }

        await audit.WriteAsync(AuditEvents.TransactionEdited, http.User.UserId(), householdId, detail: transactionId.ToString(), ct: ct);
        return TypedResults.Ok(edited);
    }

    /// <summary>Deletes a transaction (both halves of a transfer) and replays the history. Audited.</summary>
    private static async Task<Results<NoContent, ProblemAnswer>> Delete(
        Guid householdId, Guid transactionId, TransactionEditing editing, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (!(await editing.DeleteAsync(householdId, transactionId, ct)).TryGet(out var deleted, out var problem))
        {
            return problem.ToHttp();
        }

        await audit.WriteAsync(AuditEvents.TransactionDeleted, http.User.UserId(), householdId, detail: string.Join(' ', deleted), ct: ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The lots a sell would relieve, at what basis and gain, under the account's relief method; books
    /// nothing. <paramref name="replacing"/>: the stored transaction the sell would replace (an edit).
    /// </summary>
    private static async Task<Results<Ok<SellPreviewDto>, ProblemAnswer>> PreviewSell(
        Guid householdId, Guid? replacing, TransactionRequest request, TransactionEditing editing, CancellationToken ct) =>
        (await editing.PreviewSellAsync(householdId, request, replacing, ct)).ToHttp(p => TypedResults.Ok(p));
}
