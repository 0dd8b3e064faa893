using Glidepath.Application.Instruments;
using Glidepath.Infrastructure.Import;

namespace Glidepath.Server.Instruments;

/// <summary>
/// <c>Glidepath:Instruments</c>: caps on household-private instruments, so one household cannot flood
/// the database (docs/security.md). Shared instruments are written by operators and are not capped.
/// </summary>
public sealed class InstrumentLimits
{
    public const string Section = "Glidepath:Instruments";

    /// <summary>New instruments one import (transactions or prices) may create.</summary>
    public int MaxNewPerImport { get; set; } = InstrumentCaps.DefaultMaxNewPerImport;

    /// <summary>Private instruments one household may hold in all (imports and the API together).</summary>
    public int MaxPerHousehold { get; set; } = InstrumentCaps.DefaultMaxPerHousehold;

    /// <summary>Import options for a household's import under these caps.</summary>
    public ImportOptions ForHousehold(Guid householdId, bool skipInvalid) => new()
    {
        SkipInvalid = skipInvalid,
        HouseholdId = householdId,
        MaxNewInstruments = MaxNewPerImport,
        MaxHouseholdInstruments = MaxPerHousehold,
    };
}

public static class InstrumentRegistration
{
    public static IServiceCollection AddInstrumentLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InstrumentCatalog>(); // needs the market-data price updates, which only the server registers
        services.AddOptions<InstrumentLimits>().Bind(configuration.GetSection(InstrumentLimits.Section))
            .Validate(o => o.MaxNewPerImport >= 1 && o.MaxPerHousehold >= 1, "Glidepath:Instruments needs MaxNewPerImport >= 1 and MaxPerHousehold >= 1.")
            .ValidateOnStart();
        return services;
    }
}
