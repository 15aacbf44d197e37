using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Core.Protocol;

namespace Open311.Api.Http;

/// <summary>
/// The frame around every handler: picks the format from the URL suffix and turns every failure into an Open311
/// error body in that format. Nothing a client sends can produce an HTML page or a stack trace.
/// </summary>
public static class Open311Handler
{
    public static async Task<IResult> RunAsync(string? formatSuffix, ILogger logger, Func<ResponseFormat, Task<IResult>> handler)
    {
        var format = ResponseFormats.Parse(formatSuffix);
        if (format is null)
        {
            return Error(new Open311Exception(404, $"Unknown format '{InputText.Quote(formatSuffix ?? string.Empty)}': use .xml or .json."), ResponseFormat.Xml);
        }

        return await RunAsync(format.Value, logger, () => handler(format.Value));
    }

    public static async Task<IResult> RunAsync(ResponseFormat format, ILogger logger, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Open311Exception ex)
        {
            logger.LogInformation("Answered {Status}: {Reason}", ex.Status, ex.Message);
            return Error(ex, format);
        }
        catch (BadHttpRequestException ex)
        {
            logger.LogInformation("Bad HTTP request {Status}: {Reason}", ex.StatusCode, ex.Message);
            return Error(new Open311Exception(ex.StatusCode, ex.StatusCode == 413 ? "The request body is too large." : "The request could not be read."), format);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Answered 503: {Reason}", ex.Message);
            return Error(new Open311Exception(503, [new Open311Error(503, ex.Message)], ex.RetryAfter), format);
        }
        catch (OperationCanceledException)
        {
            return Error(new Open311Exception(499, "The client closed the request."), format);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled failure");
            return Error(new Open311Exception(500, "The server could not complete the request; the failure has been logged."), format);
        }
    }

    public static ElementResult Error(Open311Exception ex, ResponseFormat format) =>
        new(ErrorDocument.Create(ex.Errors), format, ex.Status) { RetryAfter = ex.RetryAfter };
}
