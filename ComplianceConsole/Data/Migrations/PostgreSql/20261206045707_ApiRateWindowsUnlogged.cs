using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The rate-limit counts are the busiest row of all (one upsert per API call and per failed sign-in) and worth nothing after
    /// a crash (a minute's allowance starts again): unlogged, a count's commit waits for no WAL flush.
    /// </summary>
    public partial class ApiRateWindowsUnlogged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "ApiRateWindows" SET UNLOGGED;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "ApiRateWindows" SET LOGGED;""");
        }
    }
}
