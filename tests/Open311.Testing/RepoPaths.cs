namespace Open311.Testing;

/// <summary>Finds files of the checkout from wherever a test or benchmark runs.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The community Open311 JSON Schemas (open311/schema-validation, no licence, so not copied here): <c>OPEN311_SCHEMAS</c>,
    /// else the workspace's <c>shared/reference/open311-schemas</c> beside the checkout; null when neither exists.
    /// </summary>
    public static string? TrySchemas()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("OPEN311_SCHEMAS"),
            Path.Combine(Root, "..", "shared", "reference", "open311-schemas"),
            Path.Combine(Root, "..", "..", "shared", "reference", "open311-schemas"),
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "request.json")));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Open311Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Open311Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
