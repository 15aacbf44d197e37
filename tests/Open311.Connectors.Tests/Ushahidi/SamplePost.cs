namespace Open311.Connectors.Tests.Ushahidi;

/// <summary>Our own webhook body in the V3 entity shape Ushahidi sends (written for these tests, not a capture).</summary>
public static class SamplePost
{
    public const string Secret = "riverton-crisis-secret";
    public const string WebhookUrl = "https://hub.example.org/open311/connectors/ushahidi/riverton-crisis/webhook";

    public const string Body = """{"id":915,"parent_id":null,"form_id":3,"user_id":null,"type":"report","title":"Road washed out","content":"The bridge road by the school is broken after the flood","author_email":"mapper@example.org","author_realname":"Ana Mapper","status":"published","created":1764100800,"updated":null,"values":{"8b1c":[{"lon":-72.57,"lat":44.2}]},"post_date":{"date":"2025-11-25 20:00:00.000000","timezone_type":3,"timezone":"UTC"},"tags":[12],"source":"web"}""";

    /// <summary>HMAC computed for <see cref="Body"/> with Python's hmac module, independently of our code.</summary>
    public const string Signature = "ULjlkzoQrL7smYrstwoxqIHZvC19VnQPqwtM5FJQTRk=";
}
