using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddAssumptionsAndRiskProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capital_market_assumptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sources = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    classes = table.Column<string>(type: "TEXT", nullable: false),
                    correlations = table.Column<string>(type: "TEXT", nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capital_market_assumptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tolerance_score = table.Column<int>(type: "INTEGER", nullable: false),
                    tolerance_band = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    tolerance_level = table.Column<int>(type: "INTEGER", nullable: false),
                    horizon_years = table.Column<int>(type: "INTEGER", nullable: false),
                    income_stability = table.Column<int>(type: "INTEGER", nullable: false),
                    emergency_fund_months = table.Column<double>(type: "REAL", nullable: false),
                    debt_service_ratio = table.Column<double>(type: "REAL", nullable: false),
                    dependants = table.Column<int>(type: "INTEGER", nullable: false),
                    capacity_points = table.Column<int>(type: "INTEGER", nullable: false),
                    capacity_level = table.Column<int>(type: "INTEGER", nullable: false),
                    recommended_level = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    taken_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_profiles_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risk_profiles_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_capital_market_assumptions_version",
                table: "capital_market_assumptions",
                column: "version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_profiles_household_id_person_id",
                table: "risk_profiles",
                columns: new[] { "household_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_profiles_person_id",
                table: "risk_profiles",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capital_market_assumptions");

            migrationBuilder.DropTable(
                name: "risk_profiles");
        }
    }
}
