namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// An account's saved <see cref="ColumnMapping"/> (docs/import.md, "Saved mappings"): the web wizard reads it
/// back for the account's next file. Stored as the same JSON the CLI's <c>--mapping FILE</c> reads, so a download
/// of it works with the CLI unchanged. One per account; deleted with the account.
/// </summary>
public sealed class SavedColumnMapping
{
    public Guid AccountId { get; set; }

    /// <summary>The mapping as <see cref="ColumnMapping.ToJson"/> writes it.</summary>
    public string MappingJson { get; set; } = "";

    public DateTimeOffset UpdatedUtc { get; set; }
}
