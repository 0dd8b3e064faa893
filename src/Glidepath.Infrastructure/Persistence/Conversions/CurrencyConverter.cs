using Glidepath.Domain.Currencies;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Conversions;

/// <summary>A currency is stored as its ISO-4217 code ("USD").</summary>
internal sealed class CurrencyConverter() : ValueConverter<Currency, string>(
    currency => currency.Code,
    code => Currency.Of(code));
