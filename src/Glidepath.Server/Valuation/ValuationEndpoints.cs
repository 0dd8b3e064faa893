using Glidepath.Application.Portfolio;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Valuation;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Glidepath.Server.Portfolio;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glidepath.Server.Valuation;

/// <summary>
/// <c>/valuation?date=&amp;currency=</c> and <c>/net-worth?from=&amp;to=&amp;currency=</c> of a household, and
/// <c>/accounts/{accountId}/values?from=&amp;to=&amp;currency=</c> of one of its accounts.
/// </summary>
public static class ValuationEndpoints
{
    /// <summary>A daily series longer than this is refused rather than computed for minutes.</summary>
    private const int MaxSeriesDays = 366 * 50;

    public static RouteGroupBuilder MapValuationEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/valuation", Valuation).WithTags("Valuation").Produces<ValuationDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).CostsReads().TagsItsOwnAnswers();
        household.MapGet("/net-worth", NetWorth).WithTags("Valuation").Produces<NetWorthDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).CostsReads().TagsItsOwnAnswers();
        household.MapGet("/accounts/{accountId:guid}/values", AccountValues).WithTags("Valuation").Produces<AccountValuesDto>()
            .WithName("GetAccountValues").WithSummary("Get an account's value series")
            .WithDescription("One account's value (its positions at the last close on or before each day, plus its cash) at the close of every calendar day in a range (default the last year), from the read model. Answers carry an ETag.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .CostsReads().TagsItsOwnAnswers();
        return household;
    }

    private static Task<IResult> Valuation(
        Guid householdId, DateOnly? date, string? currency, PortfolioReads reads, PortfolioReadCache cache, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!TryAsked(currency, out var asked))
        {
            return Task.FromResult<IResult>(ValidationErrors.Single("currency", $"'{currency}' is not a supported ISO-4217 currency code."));
        }

        var day = date ?? clock.Today();
        return cache.ServeAsync(http, householdId, $"valuation|{day:yyyy-MM-dd}|{currency}", async reporting =>
        {
            var valued = await reads.ValuationAsync(householdId, day, asked ?? reporting ?? await reads.ReportingCurrencyAsync(householdId, ct), ct);
            return valued is null ? (null, HouseholdScope.HouseholdNotFound(householdId))
                : valued.TryGet(out var value, out var problem) ? (value.Value.ToDto(value.Accounts, value.ManualNames), (IResult?)null)
                : (null, problem.ToHttp());
        });
    }

    /// <summary>Net worth at the close of every calendar day; <c>to</c> defaults to today and <c>from</c> to a year before it.</summary>
    private static Task<IResult> NetWorth(
        Guid householdId, DateOnly? from, DateOnly? to, string? currency, PortfolioReads reads, PortfolioReadCache cache, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (SeriesRange(from, to, currency, clock, out var start, out var end, out var asked) is { } invalid)
        {
            return Task.FromResult<IResult>(invalid);
        }

        return cache.ServeAsync(http, householdId, $"net-worth|{start:yyyy-MM-dd}|{end:yyyy-MM-dd}|{currency}", async reporting =>
        {
            var series = await reads.NetWorthAsync(householdId, start, end, asked ?? reporting ?? await reads.ReportingCurrencyAsync(householdId, ct), ct);
            return series is null ? (null, HouseholdScope.HouseholdNotFound(householdId))
                : series.TryGet(out var value, out var problem) ? (value.ToDto(start, end), (IResult?)null)
                : (null, problem.ToHttp());
        });
    }

    /// <summary>One account's value at the close of every day, from the read model's per-account rows; the same range rules as the net worth.</summary>
    private static Task<IResult> AccountValues(
        Guid householdId, Guid accountId, DateOnly? from, DateOnly? to, string? currency, PortfolioReads reads, PortfolioReadCache cache, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (SeriesRange(from, to, currency, clock, out var start, out var end, out var asked) is { } invalid)
        {
            return Task.FromResult<IResult>(invalid);
        }

        return cache.ServeAsync(http, householdId, $"account-values|{accountId:N}|{start:yyyy-MM-dd}|{end:yyyy-MM-dd}|{currency}", async reporting =>
        {
            var series = await reads.AccountValuesAsync(householdId, accountId, start, end, asked ?? reporting ?? await reads.ReportingCurrencyAsync(householdId, ct), ct);
            return series is null ? (null, HouseholdScope.HouseholdNotFound(householdId))
                : series.TryGet(out var value, out var problem) ? (value.ToAccountDto(accountId, start, end), (IResult?)null)
                : (null, problem.ToHttp());
        });
    }

    /// <summary>
    /// A series' range and currency: <c>to</c> defaults to today and <c>from</c> to a year before it; the problem
    /// (null when valid) names a reversed range, one longer than 50 years, or an unknown currency.
    /// </summary>
    private static ValidationProblem? SeriesRange(
        DateOnly? from, DateOnly? to, string? currency, TimeProvider clock, out DateOnly start, out DateOnly end, out Currency? asked)
    {
        end = to ?? clock.Today();
        start = from ?? end.AddYears(-1);
        var errors = new ValidationErrors()
            .Check(start <= end, "to", "The range ends before it starts.")
            .Check(end.DayNumber - start.DayNumber < MaxSeriesDays, "from", "The range is longer than 50 years.")
            .Check(TryAsked(currency, out asked), "currency", $"'{currency}' is not a supported ISO-4217 currency code.");
        return errors.HasErrors ? errors.ToProblem() : null;
    }

    /// <summary>False when a currency was asked for and is not one; <paramref name="asked"/> is null when none was.</summary>
    private static bool TryAsked(string? currency, out Currency? asked)
    {
        asked = null;
        if (currency is null)
        {
            return true;
        }

        if (!Currency.TryParse(currency, out var parsed))
        {
            return false;
        }

        asked = parsed;
        return true;
    }
}
