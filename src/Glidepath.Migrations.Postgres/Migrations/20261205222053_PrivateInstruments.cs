using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PrivateInstruments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_instruments_symbol_exchange",
                table: "instruments");

            migrationBuilder.AddColumn<Guid>(
                name: "household_id",
                table: "instruments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_instruments_household_id_symbol_exchange",
                table: "instruments",
                columns: new[] { "household_id", "symbol", "exchange" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_instruments_symbol_exchange",
                table: "instruments",
                columns: new[] { "symbol", "exchange" },
                unique: true,
                filter: "household_id IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_instruments_households_household_id",
                table: "instruments",
                column: "household_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_instruments_households_household_id",
                table: "instruments");

            migrationBuilder.DropIndex(
                name: "ix_instruments_household_id_symbol_exchange",
                table: "instruments");

            migrationBuilder.DropIndex(
                name: "ix_instruments_symbol_exchange",
                table: "instruments");

            migrationBuilder.DropColumn(
                name: "household_id",
                table: "instruments");

            migrationBuilder.CreateIndex(
                name: "ix_instruments_symbol_exchange",
                table: "instruments",
                columns: new[] { "symbol", "exchange" },
                unique: true);
        }
    }
}
