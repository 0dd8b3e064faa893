namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>One split line of a statement transaction: its category, memo and signed amount (QIF <c>S</c>, <c>E</c>, <c>$</c>).</summary>
public sealed record StatementSplit(string? Category, string? Memo, decimal Amount);
