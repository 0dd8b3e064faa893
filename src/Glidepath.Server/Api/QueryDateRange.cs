using System.Globalization;
using Glidepath.Domain.Calendar;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Api;

/// <summary>
/// One check for every date a query string carries (<c>asOf</c>, <c>date</c>, <c>from</c>, <c>to</c>):
/// outside <see cref="ValidDates"/> it is a 400 naming the field, before any handler does date
/// arithmetic on it (<c>asOf=9999-12-31</c> overflowed the harvest scan into a 500).
/// </summary>
internal static class QueryDateRange
{
    private static readonly string[] Names = ["asOf", "date", "from", "to"];

    public static TBuilder RequireQueryDatesInRange<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var query = context.HttpContext.Request.Query;
            foreach (var name in Names)
            {
                if (query.TryGetValue(name, out var values)
                    && DateOnly.TryParse(values.ToString(), CultureInfo.InvariantCulture, out var date)
                    && !ValidDates.Contains(date))
                {
                    return ValidationErrors.Single(name, $"The date must be {ValidDates.Description}.");
                }
            }

            return await next(context);
        });
}
