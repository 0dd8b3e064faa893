using Glidepath.Domain.Instruments;

namespace Glidepath.Application.Instruments;

/// <param name="HouseholdId">On create: the household the instrument is private to; null creates a shared one (operators only). Ignored on update.</param>
public sealed record InstrumentRequest(
    string? Symbol, string? Name, InstrumentType Type, AssetClass AssetClass, string? Currency, string? Exchange, string? Isin, Guid? HouseholdId = null);

public sealed record PriceDto(DateOnly Date, decimal Close);

/// <summary>What <see cref="InstrumentCatalog.ListAsync"/> filters by (docs/api.md "Instruments").</summary>
public sealed record InstrumentQuery(string? Q, string? Symbol, Guid? HouseholdId, AssetClass? AssetClass, bool? InUse, int Page, int PageSize);

/// <summary>
/// Who writes an instrument, as far as the catalog needs to know: the caller, whether they keep the shared
/// reference data, and the front door's answer to "may they change this household" (null when they may; a
/// <see cref="Domain.Results.ProblemKind.Forbidden"/> problem, or a not-found one for a household they do not reach).
/// </summary>
public sealed record InstrumentWriter(Households.Caller Caller, bool MayWriteShared, Func<Guid, Task<Domain.Results.Problem?>> HouseholdDenial);
