using System.Net;

namespace Nq45Consult.Web.Shell;

/// <summary>HTTPS enforcement (section <c>Https</c>): HSTS, redirection of plain HTTP and Secure cookies.</summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>Unset: required everywhere but Development, where the app is run over plain HTTP on a laptop.</summary>
    public bool? Required { get; set; }

    /// <summary>The port a plain-HTTP request is redirected to (behind a proxy, the proxy's public HTTPS port).</summary>
    public int Port { get; set; } = 443;

    /// <summary>How long a browser remembers to use HTTPS only (HSTS <c>max-age</c>).</summary>
    public int HstsDays { get; set; } = 365;

    public bool IsRequired(IHostEnvironment environment) => Required ?? !environment.IsDevelopment();

    public IEnumerable<string> Problems()
    {
        if (Port is < 1 or > 65535) yield return $"{Section}:Port must be between 1 and 65535.";
        if (HstsDays is < 1 or > 3650) yield return $"{Section}:HstsDays must be between 1 and 3650.";
    }
}

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (section
/// <c>ForwardedHeaders</c>). Nothing is trusted by default: anyone can write these headers, and the client's
/// address they carry is what sign-in limits count per IP.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the app, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool TrustsAnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<System.Net.IPNetwork> Networks() => KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n));

    public IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return $"{Section}:KnownProxies: '{proxy}' is not an IP address.";
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return $"{Section}:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/24).";
    }
}
