namespace Glidepath.Application.Validation;

/// <summary>The one rule for a list's <c>page</c> (from 1) and <c>pageSize</c> (1 to <see cref="MaxPageSize"/>), docs/api.md "Paging".</summary>
public static class PageChecks
{
    public const int MaxPageSize = 1000;

    public const string PageMessage = "Pages count from 1.";

    public static readonly string PageSizeMessage = $"The page size is between 1 and {MaxPageSize}.";

    public static bool ValidPage(int page) => page >= 1;

    public static bool ValidPageSize(int pageSize) => pageSize is >= 1 and <= MaxPageSize;

    public static InputChecks CheckPage(this InputChecks errors, int page, int pageSize) =>
        errors.Check(ValidPage(page), "page", PageMessage).Check(ValidPageSize(pageSize), "pageSize", PageSizeMessage);
}
