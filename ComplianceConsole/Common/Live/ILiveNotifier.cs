namespace ComplianceConsole.Common.Live;

/// <summary>
/// Tells open pages that something they show has changed (a job's progress, a case claimed). Messages carry ids
/// and states, never personal data; a page that hears one reloads what it shows through its service.
/// </summary>
public interface ILiveNotifier
{
    void Publish<TMessage>(TMessage message) where TMessage : notnull;

    /// <summary>Calls the handler for every message of this type until the returned subscription is disposed.</summary>
    IDisposable Subscribe<TMessage>(Action<TMessage> handler) where TMessage : notnull;
}
