using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonRetirementAge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "retirement_age",
                table: "people",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retirement_age",
                table: "people");
        }
    }
}
