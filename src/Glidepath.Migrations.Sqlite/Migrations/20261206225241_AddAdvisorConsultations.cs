using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddAdvisorConsultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "consultation_id",
                table: "advisor_grants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "expires_utc",
                table: "advisor_grants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "advisor_profiles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    specialities = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    credentials = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    languages = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    fee_model = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    fee_note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    bio = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    slot_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    verified_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    verified_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisor_profiles", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_advisor_profiles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "advisor_availability_exceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    advisor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisor_availability_exceptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_advisor_availability_exceptions_advisor_profiles_advisor_id",
                        column: x => x.advisor_id,
                        principalTable: "advisor_profiles",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "advisor_weekly_hours",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    advisor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisor_weekly_hours", x => x.id);
                    table.ForeignKey(
                        name: "fk_advisor_weekly_hours_advisor_profiles_advisor_id",
                        column: x => x.advisor_id,
                        principalTable: "advisor_profiles",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    advisor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    start_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    end_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    client_time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    need = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    share_household = table.Column<bool>(type: "INTEGER", nullable: false),
                    grant_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    cancelled_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultations_advisor_profiles_advisor_id",
                        column: x => x.advisor_id,
                        principalTable: "advisor_profiles",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultations_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultations_users_client_id",
                        column: x => x.client_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consultation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    advisor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_reviews_consultations_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_advisor_availability_exceptions_advisor_id_date",
                table: "advisor_availability_exceptions",
                columns: new[] { "advisor_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_advisor_weekly_hours_advisor_id",
                table: "advisor_weekly_hours",
                column: "advisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_reviews_advisor_id",
                table: "consultation_reviews",
                column: "advisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_reviews_consultation_id",
                table: "consultation_reviews",
                column: "consultation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultations_advisor_id_start_utc",
                table: "consultations",
                columns: new[] { "advisor_id", "start_utc" },
                unique: true,
                filter: "status = 'booked'");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_client_id",
                table: "consultations",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_household_id",
                table: "consultations",
                column: "household_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advisor_availability_exceptions");

            migrationBuilder.DropTable(
                name: "advisor_weekly_hours");

            migrationBuilder.DropTable(
                name: "consultation_reviews");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "advisor_profiles");

            migrationBuilder.DropColumn(
                name: "consultation_id",
                table: "advisor_grants");

            migrationBuilder.DropColumn(
                name: "expires_utc",
                table: "advisor_grants");
        }
    }
}
