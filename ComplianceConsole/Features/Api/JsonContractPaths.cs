using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ComplianceConsole.Features.Api;

/// <summary>Whether a field named by its JSON path ("items[1].publishedAt") is one that a request's type has.</summary>
internal static class JsonContractPaths
{
    /// <summary>
    /// False when the path's last name is not a property of the object it sits in; true when it is, or when the path cannot be
    /// followed (then the reader's own message stands).
    /// </summary>
    public static bool IsMapped(JsonSerializerOptions options, Type root, string path)
    {
        var names = Names(path);
        var type = root;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0) return true; // a name in brackets ("$['a.b']"), not followed
            var info = options.GetTypeInfo(ElementOf(type));
            if (info.Kind != JsonTypeInfoKind.Object) return true;
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, names[i], options.PropertyNameCaseInsensitive
                ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
            if (property is null) return false;
            type = property.PropertyType;
        }
        return true;
    }

    /// <summary>The JSON names along a field's path, without their indexes: "items[1].implicitLabel" as "items", "implicitLabel".</summary>
    public static IReadOnlyList<string> Names(string path) =>
        path.Split('.').Select(name => name.IndexOf('[') is >= 0 and var bracket ? name[..bracket] : name).ToList();

    // A list's element, or a nullable's value: the type an item of the path is read as.
    private static Type ElementOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || !type.IsAssignableTo(typeof(System.Collections.IEnumerable))) return type;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable is null ? type : ElementOf(enumerable.GetGenericArguments()[0]);
    }
}
