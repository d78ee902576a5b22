using System.Net;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Security;

namespace ComplianceConsole.Tests.Review;

/// <summary>The sweep's discovery reaches the case page, and each role is let in or refused by Review.Read alone.</summary>
public sealed class ReviewCasePageAuthorizationTests(SweepApp sweep) : IClassFixture<SweepApp>
{
    [Fact]
    public async Task The_case_page_is_swept_and_open_to_exactly_the_roles_that_read_cases()
    {
        var paths = RouteDiscovery.Discover(sweep.App.Services, t => t.Replace("{Id:long}", "1")).Select(r => r.Path);
        Assert.Contains("/review/cases/1", paths);

        var anonymous = await sweep.App.CreateBrowserlikeClient().GetAsync("/review/cases/1");
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
        foreach (var (role, client) in sweep.ClientsByRole)
        {
            var response = await client.GetAsync("/review/cases/1");
            if (RolePermissions.Grants([role], Features.Review.ReviewPermissions.Read))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            else
                Assert.Contains("/access-denied", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }
}
