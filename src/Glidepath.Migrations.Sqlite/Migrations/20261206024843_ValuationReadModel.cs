using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ValuationReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "valuation_days",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valuation_days", x => new { x.household_id, x.date, x.currency });
                    table.ForeignKey(
                        name: "fk_valuation_days_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "valuation_gaps",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    instrument_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valuation_gaps", x => new { x.household_id, x.date });
                    table.ForeignKey(
                        name: "fk_valuation_gaps_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "valuation_series_states",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stale_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_trade_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_valuation_series_states", x => x.household_id);
                    table.ForeignKey(
                        name: "fk_valuation_series_states_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "valuation_days");

            migrationBuilder.DropTable(
                name: "valuation_gaps");

            migrationBuilder.DropTable(
                name: "valuation_series_states");
        }
    }
}
