using CsCheck;
using Open311.Testing;

namespace Open311.Client.Tests;

/// <summary>
/// Property-based hostile answers straight into the client's parsers (CsCheck, the shared fixed seed): services
/// lists, request lists and update feeds of any JSON shape, also wrapped in XML, either read or refused with an
/// <see cref="AnswerException"/> — never anything else. A city we forward to is untrusted input.
/// </summary>
public sealed class HostileAnswers
{
    public const int Cases = 3000;

    private static readonly Gen<(string Body, string Format)> Bodies = Gen.Frequency(
        (3, Hostile.Json.Select(json => (json, "json"))),
        (2, Hostile.Json.Select(json => ($"<services>{System.Security.SecurityElement.Escape(json)}<service><service_code>{System.Security.SecurityElement.Escape(json)}</service_code></service></services>", "xml"))),
        (1, Hostile.Value.Select(text => ($"<?xml version=\"1.0\"?><service_requests><request><service_request_id>{text}</service_request_id></request></service_requests>", "xml"))));

    [Fact]
    public void EveryParserReadsOrRefusesCleanly()
    {
        Hostile.Check(Bodies, Cases, c =>
        {
            var answer = new Answer(200, c.Format == "xml" ? "text/xml" : "application/json", c.Body, null);
            Refuses(() => Answers.ParseServices(answer, c.Format));
            Refuses(() => Answers.ParseRequests(answer, c.Format));
            Refuses(() => Answers.ParseUpdates(answer, c.Format));
            Refuses(() => Answers.ParseServiceDefinition(answer, c.Format, "x"));
            Refuses(() => Answers.ParsePostOutcome(answer, c.Format));
        });
    }

    private static void Refuses(Action parse)
    {
        try
        {
            parse();
        }
        catch (AnswerException ex)
        {
            Assert.NotEmpty(ex.Reasons);
        }
    }
}
