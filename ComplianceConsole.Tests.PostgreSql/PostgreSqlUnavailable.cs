namespace ComplianceConsole.Tests;

public class PostgreSqlUnavailable
{
    [Fact]
    public void The_tests_on_PostgreSQL_need_PostgreSQL() =>
        Assert.Skip("The tests on PostgreSQL were not built: no PostgreSQL server programs under /usr/lib/postgresql (Debian: apt-get install postgresql) " +
            "and no COMPLIANCECONSOLE_TEST_POSTGRES connection string. Under CI=true they are always built and run.");
}
