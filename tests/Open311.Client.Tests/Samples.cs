namespace Open311.Client.Tests;

/// <summary>Answers in the shapes real cities send (written for these tests, not copied from any server).</summary>
internal static class Samples
{
    public const string ServicesXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <services xmlns="http://wiki.open311.org/GeoReport_v2" xmlns:crm="http://crm.riverton.example/schema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <service>
            <service_code>  017 </service_code>
            <service_name>Streetlight_Out
            </service_name>
            <description>A streetlight is dark or flickering at night.
        </description>
            <metadata> TRUE </metadata>
            <type>realtime</type>
            <keywords>light, lamp , dark,</keywords>
            <group>Lighting</group>
          </service>
          <crm:service>
            <service_code>042</service_code>
            <service_name>Abandoned bicycle</service_name>
            <description></description>
            <metadata>false</metadata>
            <type> Batch </type>
            <keywords/>
            <group/>
          </crm:service>
          <service>
            <service_name>A service without a code</service_name>
          </service>
        </services>
        """;

    public const string ServicesJson = """
        [
          {"service_code": 17, "service_name": "Streetlight out", "description": "", "metadata": "true", "type": "REALTIME", "keywords": "light,lamp", "group": "Lighting"},
          {"service_code": "042", "service_name": "Abandoned bicycle", "metadata": false, "type": "blackbox", "keywords": null, "group": null},
          {"service_code": "050", "service_name": "Odd type", "metadata": "False", "type": "queued", "keywords": ["a", " b "]},
          {"service_name": "A service without a code", "metadata": true, "type": "realtime"}
        ]
        """;

    public const string DefinitionXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_definition xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <service_code>017</service_code>
          <attributes>
            <attribute>
              <variable>true</variable>
              <code>POLE_NO</code>
              <datatype>string</datatype>
              <required>false</required>
              <datatype_description>The number on the pole's plate</datatype_description>
              <order>2</order>
              <description>Pole number</description>
              <values/>
            </attribute>
            <attribute>
              <variable>true</variable>
              <code>FAULT</code>
              <datatype>multivaluelist</datatype>
              <required>true</required>
              <order>1</order>
              <description>What is wrong?</description>
              <values>
                <value><key>DARK</key><name>Completely dark</name></value>
                <value><key> FLICKER </key><name></name></value>
                <value><name>A choice without a key</name></value>
              </values>
            </attribute>
            <attribute>
              <variable>false</variable>
              <automated>server_set</automated>
              <code>fixmystreet_id</code>
              <datatype>string</datatype>
              <required>true</required>
              <order>0</order>
              <description>FixMyStreet ID</description>
            </attribute>
          </attributes>
        </service_definition>
        """;

    public const string DraftDefinitionXml = """
        <service_definition><service_code>9</service_code><attribute><variable>true</variable><code>SIZE</code><datatype>number</datatype><required>true</required><order>1</order><description>How big?</description></attribute></service_definition>
        """;

    public const string DefinitionJson = """
        {"service_code": 17, "attributes": [
          {"variable": "true", "code": "FAULT", "datatype": "singlevaluelist", "required": "true", "order": "1", "description": "What is wrong?",
           "values": [{"key": 1, "name": "Dark"}, {"key": "2", "name": "Flickering"}]}
        ]}
        """;

    public const string RequestsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
          <request>
            <service_request_id> 5501 </service_request_id>
            <status>Open</status>
            <status_notes></status_notes>
            <service_name>Streetlight_Out</service_name>
            <service_code>017</service_code>
            <description>Dark since Tuesday.
            </description>
            <agency_responsible>Public Works</agency_responsible>
            <service_notice></service_notice>
            <requested_datetime>2026-03-02T07:15:00-08:00</requested_datetime>
            <updated_datetime>2026-03-02T18:00:00.250Z</updated_datetime>
            <expected_datetime/>
            <address>12 Elm St, Riverton 05401</address>
            <address_id></address_id>
            <zipcode>05401</zipcode>
            <lat>44.4758825</lat>
            <long>-73.212072</long>
            <media_url>https://media.riverton.example/5501.jpg </media_url>
          </request>
          <request>
            <service_request_id>5502</service_request_id>
            <status>closed</status>
            <status_notes>Fixed by crew 4.</status_notes>
            <service_code>017</service_code>
            <requested_datetime>2026-03-01T10:00:00 01:00</requested_datetime>
            <updated_datetime>2026-03-03T09:30:00+0100</updated_datetime>
            <lat></lat>
            <long></long>
          </request>
          <request>
            <status>open</status>
            <service_code>017</service_code>
          </request>
        </service_requests>
        """;

    public const string RequestsWrappedJson = """
        {"service_requests": [
          {"service_request_id": 5501, "status": "open", "status_notes": "", "service_name": "Streetlight out", "service_code": 17,
           "description": "Dark since Tuesday", "agency_responsible": null, "requested_datetime": "2026-03-02T07:15:00-0800",
           "updated_datetime": "2026-03-02T18:00:00.250+00:00", "expected_datetime": "", "address": "12 Elm St",
           "lat": "44.4758825", "long": "-73.212072",
           "media_url": ["https://media.riverton.example/5501.jpg", "https://media.riverton.example/5501b.jpg"]},
          {"service_request_id": "5502", "status": " CLOSED ", "lat": 44.47, "long": -73.21, "requested_datetime": "2026-03-01",
           "media_url": [{"url": "https://media.riverton.example/5502.jpg", "tags": ["after"]}]}
        ]}
        """;

    public const string EmptyRequestsXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <service_requests>
        </service_requests>
        """;

    public const string CreatedXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests><request><service_request_id>5503</service_request_id><service_notice>Crews respond within 3 days</service_notice><account_id/></request></service_requests>
        """;

    public const string TokenOnlyJson = """[{"token": "a1b2c3", "service_notice": ""}]""";

    public const string UpdatesXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests_updates>
          <request_update>
            <update_id>UPD-301</update_id>
            <service_request_id>5501</service_request_id>
            <status>IN_PROGRESS</status>
            <updated_datetime>2026-03-02T09:00:00+00:00</updated_datetime>
            <description>A crew is booked for Thursday.</description>
            <media_url></media_url>
            <external_status_code>CREW_BOOKED</external_status_code>
          </request_update>
          <request_update>
            <update_id>UPD-302</update_id>
            <service_request_id>5502</service_request_id>
            <status> Not_Councils_Responsibility </status>
            <updated_datetime>2026-03-02T10:30:00Z</updated_datetime>
            <description>Passed to the power company.</description>
          </request_update>
          <request_update>
            <update_id>UPD-303</update_id>
            <status>FIXED</status>
          </request_update>
        </service_requests_updates>
        """;

    public const string UpdatesJson = """
        {"service_request_updates": [
          {"update_id": 301, "service_request_id": 5501, "status": "FIXED", "updated_datetime": "2026-03-02T09:00:00Z",
           "description": "Done", "media_url": "https://media.riverton.example/after.jpg", "external_status_code": ""}
        ]}
        """;

    public const string ErrorsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <errors>
          <error>
            <code>400</code>
            <description>service_code 999 is not a service of this city</description>
          </error>
          <error>
            <code>400</code>
            <description> lat and long must come together </description>
          </error>
        </errors>
        """;

    public const string HtmlPage = """
        <!DOCTYPE html>
        <html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>
        """;
}
