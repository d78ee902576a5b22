using System.Globalization;
using ComplianceConsole.Common.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceConsole.Tests.Shell;

public sealed class LiveNotifierCultureTests
{
    private sealed record Changed(long Id);

    [Fact]
    public void A_message_reaches_each_subscriber_in_the_language_it_subscribed_in_not_the_senders()
    {
        var notifier = new InProcessLiveNotifier(NullLogger<InProcessLiveNotifier>.Instance);
        var heard = new List<string>();
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new("zh-CN"), new("zh-CN"));
            using var chinesePage = notifier.Subscribe<Changed>(_ => heard.Add("zh page: " + CultureInfo.CurrentUICulture.Name));
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new("en"), new("en"));
            using var englishPage = notifier.Subscribe<Changed>(_ => heard.Add("en page: " + CultureInfo.CurrentUICulture.Name));

            // An English reviewer's claim is published from their circuit, in English.
            notifier.Publish(new Changed(1));

            Assert.Equal(["zh page: zh-CN", "en page: en"], heard);
            Assert.Equal("en", CultureInfo.CurrentUICulture.Name); // the sender's own culture is left as it was
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }
}
