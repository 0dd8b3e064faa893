namespace Glidepath.Domain.Households;

/// <summary>
/// A taxpayer identification number. Like <see cref="AccountNumber"/> it prints masked (last four
/// characters only) so it never reaches a log or an error message by accident; <see cref="Reveal"/>
/// is the one way to read it whole. Encryption at rest is the persistence layer's job.
/// </summary>
public sealed record TaxId
{
    public TaxId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    private string Value { get; }

    public string Reveal() => Value;

    public string Masked => Value.Length <= 4 ? new string('•', Value.Length) : "•••••" + Value[^4..];

    public override string ToString() => Masked;
}
