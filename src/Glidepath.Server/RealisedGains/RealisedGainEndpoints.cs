using Glidepath.Domain.Ledger;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.RealisedGains;

/// <summary><c>/api/households/{householdId}/realised-gains?from=&amp;to=</c>: gains by sale date, split short and long term.</summary>
public static class RealisedGainEndpoints
{
    public static RouteGroupBuilder MapRealisedGainEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/realised-gains", Get).WithTags("RealisedGains");
        return household;
    }

    private static async Task<Results<Ok<RealisedGainsDto>, ValidationProblem>> Get(
        Guid householdId, DateOnly? from, DateOnly? to, LedgerStore ledger, GlidepathDbContext db, CancellationToken ct)
    {
        if (from > to)
        {
            return ValidationErrors.Single("to", "The range ends before it starts.");
        }

        var gains = await ledger.GetRealisedGainsAsync(householdId, from, to, ct);
        var ids = gains.Select(g => g.InstrumentId).Distinct().ToList();
        var symbols = await db.Instruments.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Symbol, ct);
        return TypedResults.Ok(new RealisedGainsDto(
            from,
            to,
            gains.Where(g => g.Term == HoldingTerm.ShortTerm).Sum(g => g.Gain),
            gains.Where(g => g.Term == HoldingTerm.LongTerm).Sum(g => g.Gain),
            [.. gains.Select(g => new RealisedGainDto(g.AccountId, g.InstrumentId, symbols[g.InstrumentId], g.SaleTransactionId, g.LotId,
                g.AcquiredDate, g.SoldDate, g.Quantity, g.Proceeds, g.CostBasis, g.Gain, g.Term))]));
    }
}
