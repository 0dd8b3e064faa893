using Glidepath.Domain.Households;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Conversions;

/// <summary>
/// Plain text for now; the encryption issue swaps this converter for an AES-GCM one without
/// touching the domain. Sensitive data logging stays off, so the value never reaches a log.
/// </summary>
internal sealed class AccountNumberConverter() : ValueConverter<AccountNumber, string>(
    number => number.Reveal(),
    text => new AccountNumber(text));
