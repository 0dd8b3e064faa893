using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SimulationRunQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "success_probability",
                table: "simulation_runs",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<string>(
                name: "result_json",
                table: "simulation_runs",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<bool>(
                name: "cancel_requested",
                table: "simulation_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "simulation_runs",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "finished_utc",
                table: "simulation_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "progress",
                table: "simulation_runs",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "scenario_json",
                table: "simulation_runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_utc",
                table: "simulation_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "simulation_runs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Runs stored before the queue existed ran synchronously and finished.
            migrationBuilder.Sql("UPDATE simulation_runs SET status = 'Succeeded', progress = 1");

            migrationBuilder.CreateIndex(
                name: "ix_simulation_runs_status",
                table: "simulation_runs",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_simulation_runs_status",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "cancel_requested",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "error",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "finished_utc",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "progress",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "scenario_json",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "started_utc",
                table: "simulation_runs");

            migrationBuilder.DropColumn(
                name: "status",
                table: "simulation_runs");

            migrationBuilder.AlterColumn<double>(
                name: "success_probability",
                table: "simulation_runs",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "result_json",
                table: "simulation_runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
