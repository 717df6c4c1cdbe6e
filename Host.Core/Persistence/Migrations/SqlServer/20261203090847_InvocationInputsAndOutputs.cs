using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExtensibilityHost.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InvocationInputsAndOutputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InputJson",
                table: "Invocations",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutputJson",
                table: "Invocations",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InputJson",
                table: "Invocations");

            migrationBuilder.DropColumn(
                name: "OutputJson",
                table: "Invocations");
        }
    }
}
