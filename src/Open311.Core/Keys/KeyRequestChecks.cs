using Open311.Core.Jurisdictions;
using Open311.Core.Protocol;

namespace Open311.Core.Keys;

/// <summary>What every key request (an API key, a staff key) must say: who it is for, and towns hosted here.</summary>
public static class KeyRequestChecks
{
    public const int MaxNameLength = 200;

    public static List<string> Errors(ApiKeyDocument body, JurisdictionSnapshot snapshot)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > MaxNameLength || !InputText.IsPlainText(body.Name, allowLineBreaks: false))
        {
            errors.Add($"name is required: who the key is for (at most {MaxNameLength} characters).");
        }

        errors.AddRange((body.Jurisdictions ?? []).Where(j => j is null || !snapshot.Hosted.ContainsKey(j)).Select(j => $"jurisdictions: '{InputText.Quote(j ?? "null")}' is not hosted here."));
        return errors;
    }
}
