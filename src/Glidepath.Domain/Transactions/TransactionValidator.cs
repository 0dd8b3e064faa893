using Glidepath.Domain.Calendar;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Text;

namespace Glidepath.Domain.Transactions;

/// <summary>A problem with one field of a transaction. <paramref name="Code"/> is stable (e.g. "required", "must-be-positive").</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>
/// Checks one transaction's fields in isolation (no account, lot or price lookups): what the
/// importer and the API reject before anything reaches the ledger. The sign convention is that
/// Quantity, Price, Fees and Amount are never negative; the type gives the direction.
/// </summary>
public static class TransactionValidator
{
    public static IReadOnlyList<FieldError> Validate(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var t = transaction;
        var errors = new List<FieldError>();

        if (t.Id == Guid.Empty)
        {
            errors.Add(Required(nameof(t.Id)));
        }

        if (t.AccountId == Guid.Empty)
        {
            errors.Add(Required(nameof(t.AccountId)));
        }

        if (!Enum.IsDefined(t.Type))
        {
            errors.Add(new FieldError(nameof(t.Type), "unknown", $"{t.Type} is not a transaction type."));
        }

        if (t.Currency == default)
        {
            errors.Add(Required(nameof(t.Currency)));
        }

        // A missing trade date (default) is the caller's "required" error, not a range error.
        if (t.TradeDate != default && !ValidDates.Contains(t.TradeDate))
        {
            errors.Add(new FieldError(nameof(t.TradeDate), "out-of-range", $"The trade date must be {ValidDates.Description}."));
        }

        if (t.SettlementDate != default && !ValidDates.Contains(t.SettlementDate))
        {
            errors.Add(new FieldError(nameof(t.SettlementDate), "out-of-range", $"The settlement date must be {ValidDates.Description}."));
        }

        if (t.SettlementDate < t.TradeDate)
        {
            errors.Add(new FieldError(nameof(t.SettlementDate), "before-trade-date", "The settlement date must not be before the trade date."));
        }

        NotNegative(errors, nameof(t.Quantity), t.Quantity);
        NotNegative(errors, nameof(t.Price), t.Price);
        NotNegative(errors, nameof(t.Fees), t.Fees);
        NotNegative(errors, nameof(t.Amount), t.Amount);
        Positive(errors, nameof(t.FxRate), t.FxRate);
        AtMost(errors, nameof(t.Quantity), t.Quantity, Magnitudes.Max);
        AtMost(errors, nameof(t.Price), t.Price, Magnitudes.Max);
        AtMost(errors, nameof(t.Fees), t.Fees, Magnitudes.Max);
        AtMost(errors, nameof(t.Amount), t.Amount, Magnitudes.Max);
        AtMost(errors, nameof(t.FxRate), t.FxRate, Magnitudes.Max);
        AtMost(errors, nameof(t.SplitNumerator), t.SplitNumerator, Magnitudes.MaxSplitPart);
        AtMost(errors, nameof(t.SplitDenominator), t.SplitDenominator, Magnitudes.MaxSplitPart);

        switch (t.Type)
        {
            case TransactionType.Deposit or TransactionType.Withdrawal or TransactionType.Interest
                or TransactionType.Fee or TransactionType.Dividend:
                Positive(errors, nameof(t.Amount), t.Amount);
                break;
            case TransactionType.Buy or TransactionType.Sell:
                RequireInstrument(errors, t);
                Positive(errors, nameof(t.Quantity), t.Quantity);
                break;
            case TransactionType.DividendReinvested:
                RequireInstrument(errors, t);
                Positive(errors, nameof(t.Quantity), t.Quantity);
                Positive(errors, nameof(t.Amount), t.Amount);
                break;
            case TransactionType.Split:
                RequireInstrument(errors, t);
                Positive(errors, nameof(t.SplitNumerator), t.SplitNumerator);
                Positive(errors, nameof(t.SplitDenominator), t.SplitDenominator);
                break;
            case TransactionType.TransferOut or TransactionType.TransferIn:
                if (t.TransferId is null || t.TransferId == Guid.Empty)
                {
                    errors.Add(Required(nameof(t.TransferId)));
                }

                // A transfer moves either units of an instrument (with their lots) or cash.
                if (t.InstrumentId is null)
                {
                    Positive(errors, nameof(t.Amount), t.Amount);
                }
                else
                {
                    Positive(errors, nameof(t.Quantity), t.Quantity);
                }

                break;
        }

        ValidateSelections(errors, t);
        TooLong(errors, nameof(t.Memo), t.Memo, TextLimits.Memo);
        TooLong(errors, nameof(t.ExternalId), t.ExternalId, TextLimits.ExternalId);
        return errors;
    }

    private static void ValidateSelections(List<FieldError> errors, Transaction t)
    {
        if (t.LotSelections.Count == 0)
        {
            return;
        }

        if (t.Type is not (TransactionType.Sell or TransactionType.TransferOut or TransactionType.Split))
        {
            errors.Add(new FieldError(nameof(t.LotSelections), "not-allowed", "Only a sell, a transfer out or a split's cash in lieu can name lots."));
            return;
        }

        if (t.LotSelections.Any(s => s.LotId == Guid.Empty || s.Quantity <= 0m))
        {
            errors.Add(new FieldError(nameof(t.LotSelections), "invalid-selection", "Each lot selection needs a lot id and a positive quantity."));
        }
        else if (t.Type != TransactionType.Split && t.LotSelections.Sum(s => s.Quantity) > t.Quantity)
        {
            errors.Add(new FieldError(nameof(t.LotSelections), "exceeds-quantity", "The lot selections name more units than the transaction moves."));
        }
    }

    private static void RequireInstrument(List<FieldError> errors, Transaction t)
    {
        if (t.InstrumentId is null || t.InstrumentId == Guid.Empty)
        {
            errors.Add(Required(nameof(t.InstrumentId)));
        }
    }

    private static void TooLong(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (!TextLimits.Fits(value, maxLength))
        {
            errors.Add(new FieldError(field, "too-long", TextLimits.TooLong(maxLength, value!.Length)));
        }
    }

    private static FieldError Required(string field) => new(field, "required", $"{field} is required.");

    private static void AtMost(List<FieldError> errors, string field, decimal? value, decimal max)
    {
        if (value > max)
        {
            errors.Add(new FieldError(field, "too-large", $"{field} {Magnitudes.TooLarge(max)}"));
        }
    }

    private static void NotNegative(List<FieldError> errors, string field, decimal value)
    {
        if (value < 0m)
        {
            errors.Add(new FieldError(field, "negative", $"{field} must not be negative; the transaction type gives the direction."));
        }
    }

    private static void Positive(List<FieldError> errors, string field, decimal value)
    {
        // One error per field: a negative value already has its own.
        if (value <= 0m && !errors.Exists(e => e.Field == field))
        {
            errors.Add(new FieldError(field, "must-be-positive", $"{field} must be greater than zero."));
        }
    }
}
