using Glidepath.Infrastructure.Import;

namespace Glidepath.Server.Imports;

/// <summary>What an accepted import did; <paramref name="Skipped"/> lists the rows skip-invalid mode left out.</summary>
public sealed record ImportResultDto(string Layout, int Imported, int DuplicatesSkipped, IReadOnlyList<string> CreatedInstruments, IReadOnlyList<ImportErrorDto> Skipped);

public sealed record ImportErrorDto(int Row, string? Column, string Reason);

internal static class ImportMapping
{
    public static ImportResultDto ToDto(this ImportResult result) => new(
        result.Layout, result.Imported, result.DuplicatesSkipped, result.CreatedInstruments,
        [.. result.Errors.Select(e => new ImportErrorDto(e.Row, e.Column, e.Reason))]);
}
