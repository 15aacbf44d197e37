using Microsoft.AspNetCore.Http;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>Collects query string and form values into host-neutral <see cref="Parameters"/> (form values after query values).</summary>
public static class ParameterReader
{
    public const int MaxValues = 300;

    public static Parameters FromQuery(HttpRequest request)
    {
        var parameters = new Parameters();
        AddAll(parameters, request.Query);
        return parameters;
    }

    public static Parameters FromQueryAndForm(HttpRequest request, IFormCollection form)
    {
        var parameters = FromQuery(request);
        AddAll(parameters, form);
        return parameters;
    }

    private static void AddAll(Parameters parameters, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> pairs)
    {
        var count = 0;
        foreach (var (name, values) in pairs)
        {
            foreach (var value in values)
            {
                if (++count > MaxValues)
                {
                    throw Open311Exception.BadRequest($"Too many parameters: at most {MaxValues} are read.");
                }

                // Browsers send textarea line breaks as CRLF; XML would read them back as LF. One form for both.
                parameters.Add(name, value?.ReplaceLineEndings("\n"));
            }
        }
    }
}
