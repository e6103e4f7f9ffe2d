using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Nq45Consult.Web.Tests.Architecture;

/// <summary>What the compiled methods of an assembly call, read from their IL (lambdas and async methods included).</summary>
public static class MethodCalls
{
    /// <summary>"Caller → callee" for every call whose callee matches.</summary>
    public static IReadOnlyList<string> Find(string assemblyPath, Func<MethodReference, bool> callee)
    {
        using var module = Read(assemblyPath);
        return AllTypes(module.Types)
            .SelectMany(type => type.Methods)
            .Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions
                .Where(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference called && callee(called))
                .Select(i => $"{method.DeclaringType.FullName}.{method.Name} → {((MethodReference)i.Operand).DeclaringType.FullName}.{((MethodReference)i.Operand).Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Members whose type is <paramref name="typeFullName"/>: fields, properties and parameters, outside <paramref name="exempt"/> types.</summary>
    public static IReadOnlyList<string> MembersOfType(string assemblyPath, string typeFullName, Func<TypeDefinition, bool> exempt)
    {
        using var module = Read(assemblyPath);
        var found = new List<string>();
        foreach (var type in AllTypes(module.Types).Where(t => !exempt(t)))
        {
            found.AddRange(type.Fields.Where(f => f.FieldType.FullName == typeFullName).Select(f => $"{type.FullName}.{f.Name}"));
            found.AddRange(type.Methods.SelectMany(m => m.Parameters.Where(p => p.ParameterType.FullName == typeFullName)
                .Select(p => $"{type.FullName}.{m.Name}({p.Name})")));
        }
        return found.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public static bool Implements(TypeDefinition type, string interfaceFullName)
    {
        for (var current = type; current is not null; current = Resolve(current.BaseType))
            if (current.Interfaces.Any(i => i.InterfaceType.FullName == interfaceFullName)) return true;
        return false;
    }

    /// <summary>Reads an assembly, resolving its references from the test run's own folder (where they are all copied).</summary>
    private static ModuleDefinition Read(string assemblyPath)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        return ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { AssemblyResolver = resolver });
    }

    private static TypeDefinition? Resolve(TypeReference? type)
    {
        try { return type?.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(type => AllTypes(type.NestedTypes).Prepend(type));
}
