using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using Open311.Api;
using Open311.Testing;

namespace Open311.Server.Tests.Security;

/// <summary>One generated request: any route of the table (or none), any method, hostile values everywhere.</summary>
public sealed record HostileRequest(string Method, string Path, string Query, string? ContentType, byte[]? Body, string? Authorization)
{
    private static readonly Gen<string> Value = Hostile.Value;

    private static readonly Gen<string> Name = Hostile.ParameterName;

    private static readonly Gen<string> Pairs = Gen.Select(Name, Value).Array[0, 8]
        .Select(pairs => string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))));

    private static readonly Gen<string> Json = Hostile.Json;

    private static readonly Gen<(string?, byte[]?)> BodyGen = Gen.Frequency(
        (3, Gen.Const<(string?, byte[]?)>((null, null))),
        (4, Pairs.Select(f => ((string?)"application/x-www-form-urlencoded", (byte[]?)Encoding.UTF8.GetBytes(f)))),
        (4, Json.Select(j => ((string?)"application/json", (byte[]?)Encoding.UTF8.GetBytes(j)))),
        (2, Gen.Select(Pairs, Gen.Byte.Array[0, 300]).Select(x => ((string?)"multipart/form-data; boundary=XyZ", (byte[]?)Multipart(x.Item1, x.Item2)))),
        (1, Gen.Select(Gen.OneOf("text/plain", "application/xml", "multipart/form-data", "multipart/form-data; boundary=", "application/json; charset=utf-16", "image/png"), Gen.Byte.Array[0, 400])
            .Select(x => ((string?)x.Item1, (byte[]?)x.Item2))));

    public static readonly Gen<HostileRequest> Any =
        from route in Gen.OneOf(Open311Routes.All.Select(r => Gen.Const(r)).ToArray())
        from segments in Value.Array[6]
        from method in Gen.Frequency((8, Gen.Const(route.Method)), (1, Gen.OneOf("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")))
        from query in Pairs
        from body in BodyGen
        from auth in Gen.Frequency((3, Gen.Const<string?>("admin")), (1, Gen.OneOf<string?>(null, "Bearer nonsense", "Basic Zm9vOmJhcg==")))
        select new HostileRequest(method, Fill(route.Template, segments), query, body.Item1, body.Item2, auth);

    public HttpRequestMessage ToMessage(string adminKey)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), "/" + Open311Routes.Prefix + "/" + Path + (Query.Length > 0 ? "?" + Query : string.Empty));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        if (Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", Authorization == "admin" ? "Bearer " + adminKey : Authorization);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return message;
    }

    public override string ToString() =>
        $"{Method} /{Path}?{(Query.Length > 300 ? Query[..300] + "…" : Query)} [{ContentType}] {(Body is null ? "(no body)" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)]))} auth={Authorization}";

    private static string Fill(string template, string[] values)
    {
        var i = 0;
        return System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", m =>
        {
            // A NUL in the path never reaches the app: Kestrel refuses it first (docs/reliability.md), TestServer throws.
            var v = values[i++ % values.Length].Replace("\0", string.Empty, StringComparison.Ordinal).Replace("%00", string.Empty, StringComparison.Ordinal);
            return m.Value == "{format}" && v.Length > 6 ? "json" : Uri.EscapeDataString(v);
        });
    }

    private static byte[] Multipart(string form, byte[] file)
    {
        var text = new StringBuilder();
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            text.Append($"--XyZ\r\nContent-Disposition: form-data; name=\"{Uri.UnescapeDataString(kv[0]).Replace("\"", string.Empty, StringComparison.Ordinal)}\"\r\n\r\n{Uri.UnescapeDataString(kv.ElementAtOrDefault(1) ?? string.Empty)}\r\n");
        }

        var head = Encoding.UTF8.GetBytes(text + "--XyZ\r\nContent-Disposition: form-data; name=\"media\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        return [.. head, .. png, .. file, .. "\r\n--XyZ--\r\n"u8.ToArray()];
    }
}
