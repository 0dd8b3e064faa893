using System.Globalization;

namespace Glidepath.Domain.Currencies;

/// <summary>
/// An exact amount in one currency. Arithmetic across currencies is refused: convert first
/// with an explicit rate. Amounts keep full decimal precision until <see cref="RoundToMinorUnits"/>
/// is called where money is booked.
/// </summary>
public readonly record struct Money(decimal Amount, Currency Currency) : IComparable<Money>
{
    /// <summary>Booking rounds half away from zero, the usual commercial convention.</summary>
    public const MidpointRounding BookingRounding = MidpointRounding.AwayFromZero;

    public static Money Zero(Currency currency) => new(0m, currency);

    public Money RoundToMinorUnits() => this with { Amount = Math.Round(Amount, Currency.MinorUnits, BookingRounding) };

    /// <summary>Converts at <paramref name="rate"/> units of <paramref name="target"/> per unit of this currency.</summary>
    public Money ConvertTo(Currency target, decimal rate)
    {
        if (rate <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "An FX rate must be positive.");
        }

        return new Money(Amount * rate, target);
    }

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator -(Money value) => value with { Amount = -value.Amount };

    public static Money operator *(Money value, decimal factor) => value with { Amount = value.Amount * factor };

    public static Money operator *(decimal factor, Money value) => value * factor;

    public static Money operator /(Money value, decimal divisor) => value with { Amount = value.Amount / divisor };

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(decimal factor) => this * factor;

    public Money Divide(decimal divisor) => this / divisor;

    public Money Negate() => -this;

    /// <summary>Orders two amounts of the same currency; throws for different currencies.</summary>
    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency.Code}");

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new InvalidOperationException(
                $"Cannot combine {left.Currency.Code} and {right.Currency.Code} amounts without an FX conversion.");
}
