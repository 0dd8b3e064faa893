using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SimulationRunLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "simulation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "lease_expires_unix_ms",
                table: "simulation_runs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lease_owner",
                table: "simulation_runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "leased_unix_ms",
                table: "simulation_runs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "requested_by",
                table: "simulation_runs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "ix_simulation_runs_requested_by_status",
                table: "simulation_runs",
                columns: new[] { "requested_by", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_simulation_runs_requested_by_status",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "lease_expires_unix_ms",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "lease_owner",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "leased_unix_ms",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "requested_by",
                table: "simulation_runs");
        }
    }
}
