using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Seeding;
using Nq45Consult.Web.Storage;

namespace Nq45Consult.Web.Seeding;

/// <summary>Demo data (section "Seed").</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo accounts and sample consultations; unset means on with the embedded database only.</summary>
    public bool? Demo { get; set; }

    /// <summary>The demo accounts' password; when unset one is generated once and kept in <see cref="DemoPasswordFile"/>.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>Where a generated demo password is kept; relative paths are resolved against the content root.</summary>
    public string DemoPasswordFile { get; set; } = ".data/demo-password.txt";
}

public static class DemoSeeding
{
    /// <summary>Runs every <see cref="IDemoSeeder"/> at start when demo seeding is on. Call after AddDatabase.</summary>
    public static WebApplicationBuilder AddDemoSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        var demo = builder.Configuration.GetSection(SeedOptions.Section).Get<SeedOptions>()?.Demo
            ?? string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName));
        if (demo)
        {
            builder.Services.AddSingleton<DemoPassword>();
            // Registered after Marten's schema-applying hosted service, so it starts after it.
            builder.Services.AddHostedService<DemoSeedingService>();
        }
        return builder;
    }
}

/// <summary>
/// The configured demo password, else the one kept from an earlier start, else a new one. A generated password is
/// only ever in its file (readable by the app's user only): logs are read by more people and kept longer, so they say
/// where to find it, never what it is.
/// </summary>
public sealed class DemoPassword(IOptions<SeedOptions> options, IHostEnvironment environment, ILogger<DemoPassword> logger)
{
    private readonly Lock _lock = new();
    private string? _password;

    public string FilePath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DemoPasswordFile));

    public string Get()
    {
        lock (_lock) return _password ??= Resolve();
    }

    private string Resolve()
    {
        if (!string.IsNullOrEmpty(options.Value.DemoPassword)) return options.Value.DemoPassword;
        if (File.Exists(FilePath))
        {
            logger.LogInformation("The demo accounts' password is the one kept in {DemoPasswordFile}", FilePath);
            return File.ReadAllText(FilePath).Trim();
        }

        var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(FilePath, file)) writer.WriteLine(password);
        logger.LogWarning("Demo accounts were given a generated password; read it from {DemoPasswordFile}", FilePath);
        return password;
    }
}

/// <summary>Runs the demo seeders in order before the app takes requests; each seeder is idempotent.</summary>
public sealed class DemoSeedingService(IEnumerable<IDemoSeeder> seeders, DemoPassword password, ILogger<DemoSeedingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var context = new DemoSeedContext(password.Get);
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            logger.LogDebug("Demo seeding: {Seeder}", seeder.GetType().Name);
            await seeder.SeedAsync(context, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
