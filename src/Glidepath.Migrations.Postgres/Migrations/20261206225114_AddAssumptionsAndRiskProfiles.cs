using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sources = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    classes = table.Column<string>(type: "text", nullable: false),
                    correlations = table.Column<string>(type: "text", nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capital_market_assumptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tolerance_score = table.Column<int>(type: "integer", nullable: false),
                    tolerance_band = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tolerance_level = table.Column<int>(type: "integer", nullable: false),
                    horizon_years = table.Column<int>(type: "integer", nullable: false),
                    income_stability = table.Column<int>(type: "integer", nullable: false),
                    emergency_fund_months = table.Column<double>(type: "double precision", nullable: false),
                    debt_service_ratio = table.Column<double>(type: "double precision", nullable: false),
                    dependants = table.Column<int>(type: "integer", nullable: false),
                    capacity_points = table.Column<int>(type: "integer", nullable: false),
                    capacity_level = table.Column<int>(type: "integer", nullable: false),
                    recommended_level = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    taken_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
