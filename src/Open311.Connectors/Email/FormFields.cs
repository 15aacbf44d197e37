using System.Text;
using MimeKit;

namespace Open311.Connectors.Email;

/// <summary>
/// A provider's form post (SendGrid, Mailgun), read without a web framework: <c>multipart/form-data</c> through
/// MimeKit (it is MIME), <c>application/x-www-form-urlencoded</c> by hand. Field values are UTF-8 unless a part names
/// another charset.
/// </summary>
public sealed class FormFields
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public List<EmailAttachment> Files { get; } = [];

    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    /// <exception cref="FormatException">The body is not a form, or not one that can be read.</exception>
    public static FormFields Read(string? contentType, byte[] body)
    {
        var fields = new FormFields();
        if (contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var stream = new MemoryStream(body, writable: false);
            if (MimeEntity.Load(ContentType.Parse(contentType), stream) is not Multipart multipart)
            {
                throw new FormatException("the multipart form has no parts");
            }

            foreach (var part in multipart.OfType<MimePart>())
            {
                var name = part.ContentDisposition?.Parameters["name"] ?? string.Empty;
                if (part.FileName is null && part is TextPart text)
                {
                    fields.values.TryAdd(name, text.ContentType.Charset is null ? text.GetText(Encoding.UTF8) : text.Text);
                }
                else if (part.Content is not null)
                {
                    using var content = new MemoryStream();
                    part.Content.DecodeTo(content);
                    fields.Files.Add(EmailAttachment.FromBytes(part.FileName ?? name, part.ContentType.MimeType, content.ToArray()));
                }
            }
        }
        else if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                fields.values.TryAdd(Unescape(kv[0]), kv.Length == 2 ? Unescape(kv[1]) : string.Empty);
            }
        }
        else
        {
            throw new FormatException($"expected a form (multipart/form-data or application/x-www-form-urlencoded), not {contentType ?? "no content type"}");
        }

        return fields;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
