using Glidepath.Domain.Categories;
using Glidepath.Domain.Rules;

namespace Glidepath.Application.Rules;

/// <summary>A rule as stored: conditions (every one set must hold) and actions; <paramref name="Position"/> 0 runs first.</summary>
public sealed record RuleDto(
    Guid Id, int Position, string Name, bool Enabled,
    string? PayeePattern, TextMatch PayeeMatch, string? MemoPattern, TextMatch MemoMatch,
    decimal? MinAmount, decimal? MaxAmount, Guid? AccountId, Direction? Direction,
    Guid? SetCategoryId, string? SetPayee, IReadOnlyList<string> AddTags);

/// <summary>
/// A rule to create or replace. <paramref name="Position"/> omitted: last (create) or where it is (replace); given: the rule
/// moves there and the others close up. At least one action is required. Amount bounds apply to the size of the cash moved.
/// </summary>
public sealed record RuleRequest(
    string? Name,
    string? PayeePattern = null,
    TextMatch? PayeeMatch = null,
    string? MemoPattern = null,
    TextMatch? MemoMatch = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    Guid? AccountId = null,
    Direction? Direction = null,
    Guid? SetCategoryId = null,
    string? SetPayee = null,
    IReadOnlyList<string>? AddTags = null,
    bool? Enabled = null,
    int? Position = null);

/// <summary>One transaction a rule would change (or changed): its category, payee and tags before and after.</summary>
public sealed record RuleChangeDto(
    Guid TransactionId, DateOnly TradeDate, string? Memo, decimal SignedAmount,
    Guid? CategoryBefore, string? CategoryPathBefore, Guid? CategoryAfter, string? CategoryPathAfter,
    string PayeeBefore, string PayeeAfter, IReadOnlyList<string> TagsBefore, IReadOnlyList<string> TagsAfter);

/// <summary>
/// What applying a rule to the stored transactions does: <paramref name="Matched"/> transactions match it,
/// <paramref name="Changed"/> of them change (the first 500 listed), <paramref name="SkippedManual"/> keep the category set by hand.
/// <paramref name="Applied"/> false: a preview, nothing stored.
/// </summary>
public sealed record RuleApplicationDto(Guid RuleId, bool Applied, int Matched, int Changed, int SkippedManual, IReadOnlyList<RuleChangeDto> Changes);
