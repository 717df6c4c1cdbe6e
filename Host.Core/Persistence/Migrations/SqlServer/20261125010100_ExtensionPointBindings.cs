using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExtensibilityHost.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExtensionPointBindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExtensionPointBindings",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Point = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ComponentName = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionPointBindings", x => new { x.TenantId, x.Point });
                    table.ForeignKey(
                        name: "FK_ExtensionPointBindings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExtensionPointBindings");
        }
    }
}
