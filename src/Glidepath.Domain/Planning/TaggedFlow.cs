using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Planning;

/// <summary>An engine cash flow with what it is for: the solve levers and per-goal success read the tags.</summary>
public sealed record TaggedFlow(CashFlow Flow, FlowRole Role, string? Goal, int Priority);
