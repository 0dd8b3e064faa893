using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "valuation_series_states",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "shared_data_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shared_data_versions", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "shared_data_versions",
                columns: new[] { "id", "version" },
                values: new object[] { 1, 0L });

            // Read caches key on these versions (docs/read-model.md, "Read caches"): every change a portfolio read
            // can show bumps one in the same transaction, whichever code path (or raw SQL) makes it.
            migrationBuilder.Sql("CREATE FUNCTION bump_household_read_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; END IF; IF TG_OP <> 'DELETE' THEN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END IF; RETURN NULL; END $$;");
            migrationBuilder.Sql("CREATE FUNCTION bump_manual_value_read_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = (SELECT household_id FROM manual_assets WHERE id = OLD.manual_asset_id); END IF; IF TG_OP <> 'DELETE' THEN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = (SELECT household_id FROM manual_assets WHERE id = NEW.manual_asset_id); END IF; RETURN NULL; END $$;");
            migrationBuilder.Sql("CREATE FUNCTION bump_shared_read_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; RETURN NULL; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER trg_accounts_read_version AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION bump_household_read_version();");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_assets_read_version AFTER INSERT OR UPDATE OR DELETE ON manual_assets FOR EACH ROW EXECUTE FUNCTION bump_household_read_version();");
            migrationBuilder.Sql("CREATE TRIGGER trg_household_fx_rates_read_version AFTER INSERT OR UPDATE OR DELETE ON household_fx_rates FOR EACH ROW EXECUTE FUNCTION bump_household_read_version();");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_asset_values_read_version AFTER INSERT OR UPDATE OR DELETE ON manual_asset_values FOR EACH ROW EXECUTE FUNCTION bump_manual_value_read_version();");
            migrationBuilder.Sql("CREATE TRIGGER trg_fx_rates_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fx_rates FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_read_version();");
            migrationBuilder.Sql("CREATE TRIGGER trg_instruments_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON instruments FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_read_version();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER trg_accounts_read_version ON accounts;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_assets_read_version ON manual_assets;");
            migrationBuilder.Sql("DROP TRIGGER trg_household_fx_rates_read_version ON household_fx_rates;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_asset_values_read_version ON manual_asset_values;");
            migrationBuilder.Sql("DROP TRIGGER trg_fx_rates_read_version ON fx_rates;");
            migrationBuilder.Sql("DROP TRIGGER trg_instruments_read_version ON instruments;");
            migrationBuilder.Sql("DROP FUNCTION bump_household_read_version();");
            migrationBuilder.Sql("DROP FUNCTION bump_manual_value_read_version();");
            migrationBuilder.Sql("DROP FUNCTION bump_shared_read_version();");

            migrationBuilder.DropTable(
                name: "shared_data_versions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "valuation_series_states");
        }
    }
}
