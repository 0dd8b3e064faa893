using Glidepath.Domain.Categories;

namespace Glidepath.Application.Categories;

/// <summary>One category: <paramref name="Path"/> is "Parent/Child" (or the name of a top-level one); a child has its parent's kind.</summary>
public sealed record CategoryDto(Guid Id, Guid? ParentId, string Name, string Path, CategoryKind Kind);

/// <summary>
/// Creates a category (under <paramref name="ParentId"/>, a top-level category, or at the top with <paramref name="Kind"/>,
/// default Expense) or renames and moves one. A child takes its parent's kind.
/// </summary>
public sealed record CategoryRequest(string? Name, Guid? ParentId = null, CategoryKind? Kind = null);

/// <summary>
/// A transaction with its category, payee (as set, or normalised from the memo), tags and split lines; <paramref name="Source"/>
/// names who decided the category (a <see cref="CategorySource"/>: Manual, Rule, Statement, Dictionary), null when nothing did.
/// </summary>
public sealed record CategorisedTransactionDto(
    Guid TransactionId,
    Guid AccountId,
    DateOnly TradeDate,
    string Type,
    decimal SignedAmount,
    string Currency,
    string? Memo,
    string Payee,
    Guid? CategoryId,
    string? CategoryPath,
    string? Source,
    Guid? RuleId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<SplitLineDto> Splits,
    SuggestionDto? Suggestion = null);

/// <summary>The learned categoriser's suggestion for an uncategorised transaction, with its probability (0–1), to accept or ignore.</summary>
public sealed record SuggestionDto(Guid CategoryId, string CategoryPath, double Confidence);

/// <summary>
/// The household's learned categoriser (docs/categoriser.md): whether it has a model, its version, when and on how many
/// labelled rows in how many categories it was trained, its accuracy and macro-F1 on the held-out rows, the categories set
/// by hand since (retrained at <paramref name="RetrainAfterCorrections"/>), the labels it has now and needs, and the
/// confidence at which it sets a category instead of suggesting one.
/// </summary>
public sealed record CategoriserStatusDto(
    bool Trained,
    int? Version,
    DateTimeOffset? TrainedAt,
    int LabelCount,
    int CategoryCount,
    int HeldOutRows,
    double? Accuracy,
    double? MacroF1,
    int CorrectionsSinceTraining,
    int RetrainAfterCorrections,
    int LabelsAvailable,
    int MinimumLabels,
    double AutoSetConfidence);

/// <summary>An evaluation: a model trained on the labelled rows but every fifth, scored on those; nothing stored.</summary>
public sealed record CategoriserEvaluationDto(int LabelCount, int CategoryCount, int HeldOutRows, double Accuracy, double MacroF1);

public sealed record SplitLineDto(int Line, Guid? CategoryId, string? CategoryPath, decimal Amount, string? Memo);

public sealed record CategorisedTransactionPage(IReadOnlyList<CategorisedTransactionDto> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// Sets a transaction's category by hand (source Manual): either <paramref name="CategoryId"/> (null: uncategorised) or
/// <paramref name="Splits"/>, whose signed amounts add up to the transaction's signed cash amount. <paramref name="Payee"/>
/// null keeps the normalised payee; <paramref name="Tags"/> replace the tags.
/// </summary>
public sealed record CategorisationRequest(Guid? CategoryId, string? Payee = null, IReadOnlyList<string>? Tags = null, IReadOnlyList<SplitLineRequest>? Splits = null);

public sealed record SplitLineRequest(Guid? CategoryId, decimal? Amount, string? Memo = null);
