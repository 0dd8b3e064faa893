namespace Glidepath.Domain.Advisors;

/// <summary>The fixed vocabularies of an advisor's profile (docs/advisors.md): what they advise on and how they charge.</summary>
public static class AdvisorVocabulary
{
    public const string Retirement = "retirement";
    public const string Tax = "tax";
    public const string Estate = "estate";
    public const string Investing = "investing";
    public const string Insurance = "insurance";
    public const string Debt = "debt";
    public const string Education = "education";
    public const string Budgeting = "budgeting";

    public static readonly IReadOnlyList<string> Specialities = [Retirement, Tax, Estate, Investing, Insurance, Debt, Education, Budgeting];

    /// <summary>Flat fee per consultation, hourly, a percentage of assets under management, or a retainer.</summary>
    public static readonly IReadOnlyList<string> FeeModels = ["flat", "hourly", "aum", "retainer"];

    public static bool IsSpeciality(string? value) => value is not null && Specialities.Contains(value, StringComparer.Ordinal);

    public static bool IsFeeModel(string? value) => value is not null && FeeModels.Contains(value, StringComparer.Ordinal);

    /// <summary>An ISO 639-1 code: two lower-case ASCII letters.</summary>
    public static bool IsLanguage(string? value) => value is { Length: 2 } && value.All(c => c is >= 'a' and <= 'z');
}
