using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace ComplianceConsole.Components.Layout;

/// <summary>
/// For app bar switches that are plain links and must come back to the page the person is on:
/// keeps <see cref="ReturnUrl"/> current as they navigate inside the circuit.
/// </summary>
public abstract class CurrentPageLinks : ComponentBase, IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected string ReturnUrl => Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri));

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => InvokeAsync(StateHasChanged);

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
