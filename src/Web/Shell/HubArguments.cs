using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// Serves every hub protocol through <see cref="HubArgumentsProtocol"/>, so each hub of the app reads its
/// calls' arguments the same forgiving and explicit way.
/// </summary>
public sealed class HubArgumentsResolver : IHubProtocolResolver
{
    private readonly Dictionary<string, IHubProtocol> byName = new(StringComparer.OrdinalIgnoreCase);

    public HubArgumentsResolver(IEnumerable<IHubProtocol> protocols, IStringLocalizer<SharedResource> texts)
    {
        var methods = HubArgumentsProtocol.HubMethods(typeof(HubArgumentsResolver).Assembly);
        foreach (var protocol in protocols) byName[protocol.Name] = new HubArgumentsProtocol(protocol, methods, texts);
    }

    public IReadOnlyList<IHubProtocol> AllProtocols => [.. byName.Values];

    public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols) =>
        byName.TryGetValue(protocolName, out var protocol)
        && (supportedProtocols is null || supportedProtocols.Contains(protocolName, StringComparer.OrdinalIgnoreCase))
            ? protocol
            : null;
}

/// <summary>
/// A hub protocol that (1) lets a caller omit a hub method's trailing optional parameters, which SignalR itself
/// cannot (it binds by exact count, and a hub method cannot be overloaded): the public contract's
/// <c>OpenPoll(sessionId, question, options)</c> reaches <c>OpenPoll(…, multipleChoice = false)</c>; and
/// (2) answers arguments that still do not bind (a wrong type, too few) with a <see cref="HubException"/> naming the
/// method, which SignalR passes on to the caller, instead of its opaque "error on the server".
/// </summary>
public sealed class HubArgumentsProtocol(IHubProtocol inner, ILookup<string, MethodInfo> methods, IStringLocalizer texts) : IHubProtocol
{
    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var start = input;
        if (!inner.TryParseMessage(ref input, binder, out message)) return false;
        // A HubException is already SignalR's clear answer (an unknown method); only binding failures are rephrased.
        if (message is InvocationBindingFailureMessage failure && failure.BindingFailure.SourceException is not HubException)
            message = (HubMessage?)WithDefaults(start, binder, failure.Target) ?? new InvocationBindingFailureMessage(
                failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(new HubException(texts["HubBadArguments", failure.Target])));
        return true;
    }

    /// <summary>The call parsed again with fewer arguments, then completed with the omitted parameters' C# defaults; null if it does not bind so either.</summary>
    private InvocationMessage? WithDefaults(ReadOnlySequence<byte> start, IInvocationBinder binder, string target)
    {
        var types = binder.GetParameterTypes(target);
        var parameters = methods[target]
            .Select(m => m.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToArray())
            .FirstOrDefault(ps => ps.Select(p => p.ParameterType).SequenceEqual(types));
        for (var count = types.Count - 1; parameters is not null && count >= 0 && parameters[count].HasDefaultValue; count--)
        {
            var again = start;
            if (inner.TryParseMessage(ref again, new FewerArguments(binder, [.. types.Take(count)]), out var shorter) && shorter is InvocationMessage call)
                return new InvocationMessage(call.InvocationId, call.Target, [.. call.Arguments, .. parameters[count..].Select(p => p.DefaultValue)], call.StreamIds)
                {
                    Headers = call.Headers,
                };
        }
        return null;
    }

    /// <summary>The public methods of the assembly's hubs, by name as SignalR matches them (ignoring case).</summary>
    public static ILookup<string, MethodInfo> HubMethods(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Hub)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .ToLookup(m => m.Name, StringComparer.OrdinalIgnoreCase);

    private sealed class FewerArguments(IInvocationBinder binder, IReadOnlyList<Type> types) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => types;
        public Type GetReturnType(string invocationId) => binder.GetReturnType(invocationId);
        public Type GetStreamItemType(string streamId) => binder.GetStreamItemType(streamId);
        public string? GetTarget(ReadOnlySpan<byte> utf8Bytes) => binder.GetTarget(utf8Bytes);
    }
}
