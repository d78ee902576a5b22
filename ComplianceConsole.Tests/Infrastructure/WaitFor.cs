namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>Waits for something the app does in the background, looking again every 20 ms, and fails after 30 s.</summary>
public static class WaitFor
{
    public static async Task ConditionAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "What the test waited for did not happen within 30 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
