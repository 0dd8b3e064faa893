using Glidepath.Infrastructure.Import;

namespace Glidepath.Server.Imports;

/// <summary>
/// What an accepted import did: the layout it read the file with, <paramref name="Skipped"/> the rows skip-invalid mode left
/// out, <paramref name="Unmapped"/> the rows the layout does not import that skipUnmapped left out, each with its reason;
/// <paramref name="PossibleDuplicates"/> a statement's rows that look like stored ones (docs/statements.md).
/// </summary>
public sealed record ImportResultDto(
    string Layout,
    int Imported,
    int DuplicatesSkipped,
    IReadOnlyList<string> CreatedInstruments,
    IReadOnlyList<ImportErrorDto> Skipped,
    IReadOnlyList<UnmappedRowDto> Unmapped,
    IReadOnlyList<PreviewRow> Preview,
    IReadOnlyList<PossibleDuplicate> PossibleDuplicates);

public sealed record UnmappedRowDto(int Row, string Action, string Reason);

public sealed record ImportErrorDto(int Row, string? Column, string Reason);

internal static class ImportMapping
{
    public static ImportResultDto ToDto(this ImportResult result) => new(
        result.Layout, result.Imported, result.DuplicatesSkipped, result.CreatedInstruments,
        [.. result.Errors.Select(e => new ImportErrorDto(e.Row, e.Column, e.Reason))],
        [.. result.Unmapped.Select(u => new UnmappedRowDto(u.Row, u.Action, u.Reason))],
        result.Preview,
        result.PossibleDuplicates);
}
