using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.Property(e => e.Reason).HasMaxLength(Lengths.Reason);
        builder.Property(e => e.Actor).HasMaxLength(Lengths.Name);
        builder.HasIndex(e => e.VersionId);
        builder.HasIndex(e => new { e.TenantId, e.At });
        builder.HasOne<ComponentVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
