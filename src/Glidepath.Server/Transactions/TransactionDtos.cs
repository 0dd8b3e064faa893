using Glidepath.Application.Transactions;
using Glidepath.Server.Api;

namespace Glidepath.Server.Transactions;

public sealed record TransactionPage(IReadOnlyList<TransactionDto> Items, int Page, int PageSize, int TotalCount) : IPage;
