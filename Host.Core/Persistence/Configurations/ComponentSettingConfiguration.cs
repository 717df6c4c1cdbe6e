using ExtensibilityHost.Core.Runtime.Imports.Config;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class ComponentSettingConfiguration : IEntityTypeConfiguration<ComponentSetting>
{
    public void Configure(EntityTypeBuilder<ComponentSetting> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(e => new { e.TenantId, e.ComponentName, e.Key });
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Key).HasMaxLength(Lengths.SettingKey);
        builder.Property(e => e.Value).HasMaxLength(Lengths.SettingValue);
    }
}
