using System.Text.Json;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Households;
using Glidepath.Domain.Rules;
using Glidepath.Domain.Text;
using Glidepath.Domain.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>A household's category tree (docs/categories.md): sibling names unique through <see cref="Category.NameKey"/>.</summary>
internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.CategoryName);
        builder.Property(c => c.NameKey).HasMaxLength(TextLimits.CategoryName + 40);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => new { c.HouseholdId, c.NameKey }).IsUnique();
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        // Children are deleted (with reassignment) by the use case; the database refuses to orphan one.
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.NoAction);
    }
}

/// <summary>A transaction's category, payee and tags, one row per categorised transaction, deleted with it.</summary>
internal sealed class TransactionCategoryConfiguration : IEntityTypeConfiguration<TransactionCategory>
{
    public void Configure(EntityTypeBuilder<TransactionCategory> builder)
    {
        builder.ToTable("transaction_categories");
        builder.HasKey(c => c.TransactionId);
        builder.Property(c => c.Payee).HasMaxLength(TextLimits.Name);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Tags).HasConversion(TagLists.Converter, TagLists.Comparer).HasMaxLength(TagLists.ColumnLength);
        builder.HasIndex(c => c.HouseholdId);
        builder.HasIndex(c => c.CategoryId);
        builder.HasOne<Transaction>().WithOne().HasForeignKey<TransactionCategory>(c => c.TransactionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Rule>().WithMany().HasForeignKey(c => c.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Splits).WithOne().HasForeignKey(s => s.TransactionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SplitLineConfiguration : IEntityTypeConfiguration<SplitLine>
{
    public void Configure(EntityTypeBuilder<SplitLine> builder)
    {
        builder.ToTable("transaction_split_lines");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Memo).HasMaxLength(TextLimits.Memo);
        builder.HasIndex(s => new { s.TransactionId, s.Line }).IsUnique();
        builder.HasIndex(s => s.CategoryId);
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>Ordered rules (docs/categories.md, "Rules").</summary>
internal sealed class RuleConfiguration : IEntityTypeConfiguration<Rule>
{
    public void Configure(EntityTypeBuilder<Rule> builder)
    {
        builder.ToTable("category_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.PayeePattern).HasMaxLength(TextLimits.RulePattern);
        builder.Property(r => r.MemoPattern).HasMaxLength(TextLimits.RulePattern);
        builder.Property(r => r.SetPayee).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.PayeeMatch).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.MemoMatch).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Direction).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.AddTags).HasConversion(TagLists.Converter, TagLists.Comparer).HasMaxLength(TagLists.ColumnLength);
        builder.HasIndex(r => new { r.HouseholdId, r.Position });
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.SetCategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>A household's learned categoriser (docs/categoriser.md): one row, the model's bytes and metrics.</summary>
internal sealed class CategoriserModelConfiguration : IEntityTypeConfiguration<CategoriserModelRecord>
{
    public void Configure(EntityTypeBuilder<CategoriserModelRecord> builder)
    {
        builder.ToTable("categoriser_models");
        builder.HasKey(m => m.HouseholdId);
        builder.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The categoriser's suggestion for a transaction, deleted with it, with its category, or when it is categorised.</summary>
internal sealed class CategorySuggestionConfiguration : IEntityTypeConfiguration<CategorySuggestion>
{
    public void Configure(EntityTypeBuilder<CategorySuggestion> builder)
    {
        builder.ToTable("category_suggestions");
        builder.HasKey(s => s.TransactionId);
        builder.HasIndex(s => s.HouseholdId);
        builder.HasIndex(s => s.CategoryId);
        builder.HasOne<Transaction>().WithOne().HasForeignKey<CategorySuggestion>(s => s.TransactionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Tags as a JSON array in a text column (the same on both providers; only ever read with their row).</summary>
internal static class TagLists
{
    public const int ColumnLength = (TextLimits.Tag + 3) * TextLimits.MaxTags;

    public static readonly ValueConverter<List<string>, string> Converter = new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>());

    public static readonly ValueComparer<List<string>> Comparer = new(
        (l, r) => l != null && r != null ? l.SequenceEqual(r) : l == r,
        l => l.Aggregate(0, (h, item) => HashCode.Combine(h, item.GetHashCode(StringComparison.Ordinal))),
        l => l.ToList());
}
