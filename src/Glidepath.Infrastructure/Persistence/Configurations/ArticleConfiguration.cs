using Glidepath.Domain.Learning;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Slug).HasMaxLength(ArticleLimits.Slug);
        builder.Property(a => a.Title).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Topics).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(TextLimits.Description);
        builder.Property(a => a.Markdown).HasMaxLength(ArticleLimits.Markdown);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // Links use the slug: one article per slug.
        builder.HasIndex(a => a.Slug).IsUnique();

        // The starter set (docs/learning.md), from the Markdown files embedded in this assembly.
        builder.HasData(StarterArticles.All);
    }
}
