using Open311.Connectors.Email;

namespace Open311.Connectors.Tests.Email;

public sealed class EmailBodies
{
    [Fact]
    public void AGmailReplyKeepsOnlyTheNewText()
    {
        const string plain = """
            The pothole on Birch Ave is still there and getting deeper.

            On Mon, 3 Nov 2025 at 09:14, Riverton 311 <311@riverton.example>
            wrote:

            > Thank you for your report. Your request number is 1042.
            > We will let you know when a crew has been assigned.
            """;

        var body = EmailText.Body(plain, null);

        Assert.Equal("The pothole on Birch Ave is still there and getting deeper.", body);
        Assert.DoesNotContain("wrote:", body);
        Assert.DoesNotContain("request number", body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("________________________________\n")]
    [InlineData("-----Original Message-----\n")]
    public void AnOutlookReplyIsCutAtItsHeaderBlock(string separator)
    {
        var plain = "The streetlight at Birch Ave and 4th St is out again tonight.\n\n" + separator
            + "From: Riverton 311 <311@riverton.example>\n"
            + "Sent: Monday, November 3, 2025 9:14 AM\n"
            + "To: Dana Whitfield <dana@mail.example>\n"
            + "Subject: RE: Streetlight out on Birch Ave\n\n"
            + "We have closed request 1042 as fixed.";

        var body = EmailText.Body(plain, null);

        Assert.Equal("The streetlight at Birch Ave and 4th St is out again tonight.", body);
        Assert.DoesNotContain("From:", body);
        Assert.DoesNotContain("closed request", body);
    }

    [Fact]
    public void AnAppleMailHtmlReplyDropsTheCitedBlockquote()
    {
        const string html = """
            <html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">
            <div dir="ltr">The graffiti is on the north wall of the library, facing the car park.</div><div dir="ltr"><br></div>
            <div dir="ltr">Dana</div><div dir="ltr"><br><blockquote type="cite">On 3 Nov 2025, at 09:14, Riverton 311 &lt;311@riverton.example&gt; wrote:<br><br></blockquote></div>
            <blockquote type="cite"><div dir="ltr">Could you tell us which wall of the library?</div></blockquote>
            </body></html>
            """;

        var body = EmailText.Body(null, html);

        Assert.Equal("The graffiti is on the north wall of the library, facing the car park.\n\nDana", body);
        Assert.DoesNotContain("wrote:", body);
        Assert.DoesNotContain("which wall", body);
    }

    [Fact]
    public void AGmailHtmlReplyDropsTheGmailQuote()
    {
        const string html = """
            <div dir="ltr">There is a fallen tree blocking <b>Maple Lane</b>.<div><br></div><div>Thanks,</div><div>Sam</div></div><br>
            <div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Mon, 3 Nov 2025 at 09:14, Riverton 311 &lt;<a href="mailto:311@riverton.example">311@riverton.example</a>&gt; wrote:<br></div>
            <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Your request 1042 has been closed.</blockquote></div>
            """;

        var body = EmailText.Body(null, html);

        Assert.Equal("There is a fallen tree blocking Maple Lane.\n\nThanks,\nSam", body);
        Assert.DoesNotContain("wrote:", body);
        Assert.DoesNotContain("1042", body);
    }

    [Fact]
    public void AnOutlookHtmlReplyIsCutAtTheReplyHeader()
    {
        const string html = """
            <html><body><div dir="ltr"><div style="font-family: Aptos, sans-serif; font-size: 12pt">The crossing signal at Main &amp; 2nd still beeps all night.</div></div>
            <div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> Riverton 311 &lt;311@riverton.example&gt;<br>
            <b>Sent:</b> Monday, November 3, 2025 9:14 AM<br><b>To:</b> Dana Whitfield<br><b>Subject:</b> RE: Crossing signal</font><div>&nbsp;</div></div>
            <div>We have asked the traffic team to check it.</div></body></html>
            """;

        var body = EmailText.Body(null, html);

        Assert.Equal("The crossing signal at Main & 2nd still beeps all night.", body);
        Assert.DoesNotContain("From:", body);
        Assert.DoesNotContain("traffic team", body);
    }

    [Fact]
    public void AnHtmlOnlyMessageBecomesReadableText()
    {
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Report</title><style>p { color: #333; } .preheader { display: none; }</style></head>
            <body>
              <p>Hello,</p>
              <p>Two problems on   Elm Street:</p>
              <ul>
                <li>A broken bench near the bus stop</li>
                <li>Overflowing bins</li>
              </ul>
              <p>Photos are <a href="https://photos.example/album/77">in this album</a>, see also <a href="https://riverton.example/">https://riverton.example/</a>.</p>
              <p><img src="cid:bench-1" alt="photo of the bench"><img src="cid:spacer" alt=""></p>
              <div class="preheader" style="display: none">Your weekly neighbourhood digest</div>
              <p hidden>Hidden paragraph</p>
              <script>var tracking = 1;</script>
            </body></html>
            """;

        var body = EmailText.Body(null, html);

        Assert.Equal(
            "Hello,\n\nTwo problems on Elm Street:\n\n- A broken bench near the bus stop\n- Overflowing bins\n\n"
            + "Photos are in this album (https://photos.example/album/77), see also https://riverton.example/.\n\n[photo of the bench]",
            body);
        Assert.DoesNotContain("color", body);
        Assert.DoesNotContain("Report", body);
        Assert.DoesNotContain("digest", body);
        Assert.DoesNotContain("Hidden", body);
        Assert.DoesNotContain("tracking", body);
    }

    [Fact]
    public void AGermanReplyIsCutAtAmSchrieb()
    {
        const string plain = """
            Die Straßenlaterne vor Hausnummer 12 ist wieder dunkel.

            Am Mo., 3. Nov. 2025 um 09:14 Uhr schrieb Riverton 311 <311@riverton.example>:

            > Vielen Dank für Ihre Meldung.
            """;

        var body = EmailText.Body(plain, null);

        Assert.Equal("Die Straßenlaterne vor Hausnummer 12 ist wieder dunkel.", body);
        Assert.DoesNotContain("schrieb", body);
        Assert.DoesNotContain("Vielen Dank", body);
    }

    [Theory]
    [InlineData("Le lun. 3 nov. 2025 à 09:14, Riverton 311 <311@riverton.example> a écrit :")]
    [InlineData("El lun, 3 nov 2025 a las 09:14, Riverton 311 (<311@riverton.example>) escribió:")]
    [InlineData("Op ma 3 nov. 2025 om 09:14 schreef Riverton 311 <311@riverton.example>:")]
    [InlineData("On 3 Nov 2025, at 09:14, Riverton 311 <311@riverton.example> wrote:")]
    public void OtherReplyHeadersCutTheQuotedOriginalToo(string header)
    {
        var plain = "Ice on the pavement outside the primary school.\n\n" + header + "\nThank you for your report.";

        var body = EmailText.Body(plain, null);

        Assert.Equal("Ice on the pavement outside the primary school.", body);
        Assert.DoesNotContain("Riverton 311", body);
        Assert.DoesNotContain("Thank you", body);
    }

    [Fact]
    public void ADashDashSpaceSignatureIsDropped()
    {
        const string plain = "The hydrant on Oak Court is leaking onto the road.\n\n-- \nDana Whitfield\n12 Oak Court, Riverton\n";

        var body = EmailText.Body(plain, null);

        Assert.Equal("The hydrant on Oak Court is leaking onto the road.", body);
        Assert.DoesNotContain("Dana", body);
    }

    [Fact]
    public void SentFromMyIPhoneIsDropped()
    {
        const string plain = "Broken swing at Pine Park playground, the chain has snapped.\n\nSent from my iPhone\n\n";

        var body = EmailText.Body(plain, null);

        Assert.Equal("Broken swing at Pine Park playground, the chain has snapped.", body);
        Assert.DoesNotContain("iPhone", body);
    }

    [Theory]
    [InlineData("Sent from my iPad")]
    [InlineData("sent from my android phone")]
    [InlineData("Sent from Outlook for Android")]
    [InlineData("Get Outlook for iOS<https://aka.ms/o0ukef>")]
    [InlineData("Sent from Yahoo Mail on Android")]
    [InlineData("Sent from Mail<https://go.microsoft.com/fwlink/?LinkId=550986> for Windows")]
    [InlineData("--")]
    public void OtherSignatureLinesAreDroppedToo(string footer)
    {
        var text = EmailText.StripSignature("Graffiti on the bus shelter at Elm and 5th.\n\n" + footer + "\n\n");

        Assert.Equal("Graffiti on the bus shelter at Elm and 5th.", text);
        Assert.DoesNotContain(footer, text);
    }

    [Fact]
    public void AFooterLineWithTextAfterItIsKept()
    {
        const string plain = "Sent from my iPhone\nThe photo of the bench is attached.";

        var text = EmailText.StripSignature(plain);

        Assert.Equal(plain, text);
        Assert.Contains("attached", text);
    }

    [Fact]
    public void AGmailForwardKeepsTheReportButNotTheForwardHeader()
    {
        const string plain = """
            Please see below, my neighbour asked me to pass this on.

            ---------- Forwarded message ---------
            From: Ruth Okafor <ruth@mail.example>
            Date: Sun, 2 Nov 2025 at 18:40
            Subject: Pothole on Birch Ave
            To: <dana@mail.example>


            There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.
            """;

        var body = EmailText.Body(plain, null);

        Assert.Equal("Please see below, my neighbour asked me to pass this on.\n\nThere is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.", body);
        Assert.DoesNotContain("Forwarded message", body);
        Assert.DoesNotContain("ruth@mail.example", body);
    }

    [Fact]
    public void AnAppleMailForwardKeepsTheReportButNotTheForwardHeader()
    {
        const string plain = """
            Begin forwarded message:

            From: Ruth Okafor <ruth@mail.example>
            Subject: Pothole on Birch Ave
            Date: 2 November 2025 at 18:40:11 GMT
            To: Dana Whitfield <dana@mail.example>

            There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.
            """;

        var body = EmailText.Body(plain, null);

        Assert.Equal("There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.", body);
        Assert.DoesNotContain("Begin forwarded", body);
        Assert.DoesNotContain("Subject:", body);
    }

    [Fact]
    public void AGmailHtmlForwardKeepsTheForwardedReport()
    {
        const string html = """
            <div dir="ltr"><br><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>
            From: <strong class="gmail_sendername" dir="auto">Ruth Okafor</strong> <span dir="auto">&lt;<a href="mailto:ruth@mail.example">ruth@mail.example</a>&gt;</span><br>
            Date: Sun, 2 Nov 2025 at 18:40<br>Subject: Pothole on Birch Ave<br>To: &lt;<a href="mailto:dana@mail.example">dana@mail.example</a>&gt;<br></div><br><br>
            <div dir="ltr">There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.</div></div></div>
            """;

        var body = EmailText.Body(null, html);

        Assert.Equal("There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.", body);
        Assert.DoesNotContain("Forwarded message", body);
        Assert.DoesNotContain("ruth@mail.example", body);
    }

    [Fact]
    public void AnAppleMailHtmlForwardKeepsTheForwardedReport()
    {
        const string html = """
            <html><body dir="auto"><div dir="ltr"></div><div dir="ltr"><br><div dir="ltr">Begin forwarded message:</div><br><blockquote type="cite">
            <div dir="ltr"><b>From:</b> Ruth Okafor &lt;ruth@mail.example&gt;<br><b>Date:</b> 2 November 2025 at 18:40:11 GMT<br>
            <b>To:</b> Dana Whitfield &lt;dana@mail.example&gt;<br><b>Subject:</b> Pothole on Birch Ave<br></div><br>
            <div dir="ltr">There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.</div></blockquote></div></body></html>
            """;

        var body = EmailText.Body(null, html);

        Assert.Equal("There is a deep pothole outside 48 Birch Ave, a cyclist nearly fell.", body);
        Assert.DoesNotContain("Begin forwarded", body);
        Assert.DoesNotContain("From:", body);
    }

    [Fact]
    public void AnInterleavedReplyKeepsTheAnswersAfterQuotedLines()
    {
        const string plain = """
            On Mon, 3 Nov 2025 at 09:14, Riverton 311 <311@riverton.example> wrote:
            > Where exactly is the sinkhole?

            In front of the bakery at 7 Market Square.

            > How large is it?

            About a metre across.
            """;

        var body = EmailText.Body(plain, null);

        Assert.Equal("In front of the bakery at 7 Market Square.\n\nAbout a metre across.", body);
        Assert.DoesNotContain("wrote:", body);
        Assert.DoesNotContain("How large", body);
    }

    [Fact]
    public void AMessageThatIsOnlyQuotedKeepsItsQuotedLines()
    {
        const string plain = "> The tree fell across Maple Lane.\n> Please send a crew.";

        var text = EmailText.StripQuotedReply(plain);

        Assert.Equal(plain, text);
        Assert.Contains("Maple Lane", text);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(" \r\n\t ", null)]
    [InlineData(null, "   ")]
    [InlineData("\u200B", "<html><head><style>p { margin: 0; }</style></head><body> <p>&nbsp;</p> </body></html>")]
    public void EmptyOrWhitespaceInputsGiveAnEmptyBody(string? plain, string? html)
    {
        Assert.Equal("", EmailText.Body(plain, html));
    }

    [Fact]
    public void PlainTextIsPreferredWhenItHasContent()
    {
        var fromPlain = EmailText.Body("The bench on Elm St is broken.", "<p>The HTML part</p>");
        var fromHtml = EmailText.Body(" \n ", "<p>The bench on <b>Elm St</b> is broken.</p>");

        Assert.Equal("The bench on Elm St is broken.", fromPlain);
        Assert.DoesNotContain("HTML", fromPlain);
        Assert.Equal("The bench on Elm St is broken.", fromHtml);
    }

    [Fact]
    public void NormalizeCleansLineEndingsInvisibleCharactersAndBlankRuns()
    {
        var text = EmailText.Normalize("  Line one  \r\n\u200BLine\u00A0two\r\n\r\n\r\n\r\nEnd\uFEFF  \n");

        Assert.Equal("Line one\nLine two\n\nEnd", text);
        Assert.DoesNotContain("\r", text);
        Assert.DoesNotContain("\u200B", text);
    }
}
