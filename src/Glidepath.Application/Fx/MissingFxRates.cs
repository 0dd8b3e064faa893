using Glidepath.Application.Errors;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Reporting;

namespace Glidepath.Application.Fx;

public static class MissingFxRates
{
    /// <summary>
    /// The refusal a reporting-currency switch gets when rates are missing: it names each pair and the
    /// date a rate is needed from (extensions <c>missingPairs</c> and <c>from</c>), so the client can ask
    /// for exactly those.
    /// </summary>
    public static Problem Problem(Currency target, IReadOnlyList<MissingFxRate> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return Domain.Results.Problem.Refused(
            ErrorCodes.MissingFxRate,
            $"Reporting in {target} needs FX rates this household does not have: {string.Join(", ", missing.Select(m => $"{m.Pair} on or before {m.Date:yyyy-MM-dd}"))}. Enter or import them first.",
            [.. missing.Select(m => new ProblemReason(ErrorCodes.MissingFxRate, $"No {m.Pair} rate on or before {m.Date:yyyy-MM-dd}."))])
            with
        {
            Extensions = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["missingPairs"] = missing.Select(m => m.Pair).ToList(),
                ["from"] = missing.Min(m => m.Date),
            },
        };
    }
}
