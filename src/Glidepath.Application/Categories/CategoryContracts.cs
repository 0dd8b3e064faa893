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
    IReadOnlyList<SplitLineDto> Splits);

public sealed record SplitLineDto(int Line, Guid? CategoryId, string? CategoryPath, decimal Amount, string? Memo);

public sealed record CategorisedTransactionPage(IReadOnlyList<CategorisedTransactionDto> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// Sets a transaction's category by hand (source Manual): either <paramref name="CategoryId"/> (null: uncategorised) or
/// <paramref name="Splits"/>, whose signed amounts add up to the transaction's signed cash amount. <paramref name="Payee"/>
/// null keeps the normalised payee; <paramref name="Tags"/> replace the tags.
/// </summary>
public sealed record CategorisationRequest(Guid? CategoryId, string? Payee = null, IReadOnlyList<string>? Tags = null, IReadOnlyList<SplitLineRequest>? Splits = null);

public sealed record SplitLineRequest(Guid? CategoryId, decimal? Amount, string? Memo = null);
