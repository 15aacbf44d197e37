using Microsoft.AspNetCore.Http;

namespace Open311.Api.Http;

public static class Open311Headers
{
    /// <summary>
    /// Browser clients (the interactive docs, map widgets) read the public API across origins; the answer never
    /// depends on cookies, so any origin may read it.
    /// </summary>
    public static void Apply(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
