namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// A test class with its own app per test, set up (the first administrator exists) before each test.
/// Override <see cref="ArrangeAsync"/> to add what the class's tests share.
/// </summary>
public abstract class SetUpAppTest : IAsyncLifetime
{
    protected TestApp App { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await ArrangeAsync();
    }

    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}
