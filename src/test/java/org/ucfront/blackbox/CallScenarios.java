package org.ucfront.blackbox;

/** The sipp snippets the call routing tests compose into call-caller.xml, call-endpoint.xml and um-server.xml. */
final class CallScenarios {

    private CallScenarios() {
    }

    static final String SDP_BODY = """
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=caller 53655765 2353687637 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /** A multipart/alternative INVITE body (MS-EUMR §3.1.5.5) whose SDP part ucfront falls back to. */
    static final String MULTIPART_BODY = """
            Content-Type: multipart/alternative; boundary="----=_NextPart_000_0001"
            Content-Length: [len]

            ------=_NextPart_000_0001
            Content-Type: application/sdp

            v=0
            o=caller 1 1 IN IP4 127.0.0.1
            s=multipart-sdp
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 7000 RTP/AVP 0
            ------=_NextPart_000_0001
            Content-Type: application/sdp; ms-proxy-2007fallback

            v=0
            o=caller 1 1 IN IP4 127.0.0.1
            s=fallback
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 7002 RTP/AVP 0
            ------=_NextPart_000_0001--
            """;

    private static String response(String status, String tag, boolean sdp, String extra) {
        return """
                  <send><![CDATA[
                SIP/2.0 %s
                [last_Via:]
                [last_From:]
                [last_To:]%s
                [last_Call-ID:]
                [last_CSeq:]
                Contact: <sip:[local_ip]:[local_port];transport=[transport]>
                %s%s
                ]]></send>
                """.formatted(status, tag == null ? "" : ";tag=" + tag, extra,
                sdp ? """
                        Content-Type: application/sdp
                        Content-Length: [len]

                        v=0
                        o=callee 1 1 IN IP4 [local_ip]
                        s=-
                        c=IN IP4 [local_ip]
                        t=0 0
                        m=audio 6000 RTP/AVP 0
                        """ : "Content-Length: 0\n");
    }

    /** Escapes a regular expression or value for a sipp XML attribute. */
    static String x(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Answers with an extra header line (e.g. P-Asserted-Identity), then the ACK and BYE arrive. */
    static String answerWith(String tag, String extraHeader) {
        return USE_CSEQ + response("200 OK", tag, true, extraHeader + "\n")
                + "  <recv request=\"ACK\"/>\n  <recv request=\"BYE\"/>\n" + OK_PLAIN;
    }

    static String ok(String tag, boolean sdp) {
        return response("200 OK", tag, sdp, "");
    }

    /** Answers the request just received with 200 (BYE, CANCEL, INFO). */
    static final String OK_PLAIN = """
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
            """;

    /** Receives an INVITE and checks each regular expression on the whole message. */
    static String invite(String... checks) {
        StringBuilder b = new StringBuilder("  <recv request=\"INVITE\">\n    <action>\n"
                + CAPTURE_CSEQ + header("CSeq", "INVITE"));
        for (String c : checks) {
            b.append("      <ereg regexp=\"").append(c).append("\" search_in=\"msg\" check_it=\"true\" assign_to=\"ok\"/>\n");
        }
        return b.append("    </action>\n  </recv>\n").toString();
    }

    /** Keeps the INVITE's CSeq number as $invcseq (for a 487 after a CANCEL); "INVITE" is checked too. */
    static final String CAPTURE_CSEQ =
            "      <ereg regexp=\"[0-9]+\" search_in=\"hdr\" header=\"CSeq:\" check_it=\"true\" assign_to=\"invcseq\"/>\n";

    /** sipp wants each variable referenced twice: scenarios that do not answer a CANCEL still use $invcseq. */
    static final String USE_CSEQ = "  <nop><action><log message=\"INVITE CSeq [$invcseq]\"/></action></nop>\n";

    /** A header's value must match (sipp searches the header's value, case-sensitive name). */
    static String header(String name, String regexp) {
        return "      <ereg regexp=\"" + regexp + "\" search_in=\"hdr\" header=\"" + name
                + ":\" check_it=\"true\" assign_to=\"ok\"/>\n";
    }

    /** The callee rings and answers, then the caller's ACK and BYE arrive. */
    static String answer(String tag) {
        return USE_CSEQ + response("180 Ringing", tag, false, "") + ok(tag, true)
                + "  <recv request=\"ACK\"/>\n  <recv request=\"BYE\"/>\n" + OK_PLAIN;
    }

    /** Answered with a final error status, ACKed by ucfront. */
    static String refuse(String status, String tag) {
        return USE_CSEQ + response(status, tag, false, "") + "  <recv request=\"ACK\"/>\n";
    }

    /** Rings until cancelled: 200 to the CANCEL, 487 to the INVITE, the ACK. */
    static String ringUntilCancelled(String tag) {
        return response("180 Ringing", tag, false, "") + "  <recv request=\"CANCEL\"/>\n" + OK_PLAIN
                + response("487 Request Terminated", tag, false, "").replace("[last_CSeq:]", "CSeq: [$invcseq] INVITE")
                + "  <recv request=\"ACK\"/>\n";
    }

    /** A UM server that stays silent after 100 Trying until ucfront cancels (MS-EUMR §3.1.6). */
    static String silentUntilCancelled() {
        return """
                  <send><![CDATA[
                SIP/2.0 100 Trying
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0

                ]]></send>
                  <recv request="CANCEL"/>
                """ + OK_PLAIN + response("487 Request Terminated", "um", false, "")
                .replace("[last_CSeq:]", "CSeq: [$invcseq] INVITE")
                + "  <recv request=\"ACK\"/>\n";
    }

    /** A 302 to another server (MS-EUMR §3.1.5.3), ACKed by ucfront. */
    static String redirect(String contacts) {
        return USE_CSEQ + """
                  <send><![CDATA[
                SIP/2.0 302 Moved Temporarily
                [last_Via:]
                [last_From:]
                [last_To:];tag=um302
                [last_Call-ID:]
                [last_CSeq:]
                %s
                Content-Length: 0

                ]]></send>
                  <recv request="ACK"/>
                """.formatted(contacts);
    }

    /** The callee answers, then takes the caller's re-INVITE (hold: a=sendonly) and answers it too. */
    static String answerThenReInvite(String tag) {
        return USE_CSEQ + response("200 OK", tag, true, "") + """
                  <recv request="ACK"/>
                  <recv request="INVITE">
                    <action>
                      <ereg regexp="a=sendonly" search_in="body" check_it="true" assign_to="ok"/>
                      <ereg regexp="INVITE" search_in="hdr" header="CSeq:" check_it="true" assign_to="ok"/>
                    </action>
                  </recv>
                """ + response("200 OK", null, true, "") + """
                  <recv request="ACK"/>
                  <recv request="BYE"/>
                """ + OK_PLAIN;
    }

    /** The caller puts the answered call on hold with a re-INVITE, then hangs up. */
    static final String CALLER_REINVITES = """
              <recv response="100" optional="true"/>
              <recv response="180" optional="true"/>
              <recv response="200" rrs="true"/>
              <send><![CDATA[
            ACK [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            CSeq: 2 ACK
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <send><![CDATA[
            INVITE [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            CSeq: 3 INVITE
            Max-Forwards: 70
            Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=caller 53655765 2353687638 IN IP4 [local_ip]
            s=-
            c=IN IP4 [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0
            a=sendonly
            ]]></send>
              <recv response="100" optional="true"/>
              <recv response="200">
                <action>
                  <ereg regexp="m=audio 6000 RTP/AVP 0" search_in="body" check_it="true" assign_to="ok"/>
                  <ereg regexp="3 INVITE" search_in="hdr" header="CSeq:" check_it="true" assign_to="ok"/>
                </action>
              </recv>
              <send><![CDATA[
            ACK [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            CSeq: 3 ACK
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <send><![CDATA[
            BYE [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            CSeq: 4 BYE
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <recv response="200"/>
            """;

    /**
     * {@link #CALLER_REINVITES} with each ACK sent late: the initial one after the re-INVITE was
     * answered, the re-INVITE's after the BYE was: the order the server can see the caller's requests
     * in when parallel threads hand them over.
     */
    static final String CALLER_REINVITES_ACKS_LATE = acksLate(CALLER_REINVITES);

    private static String acksLate(String scenario) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)<send><!\\[CDATA\\[.*?]]></send>\n").matcher(scenario);
        java.util.List<String> sends = new java.util.ArrayList<>();
        java.util.List<Integer> at = new java.util.ArrayList<>();
        while (m.find()) {
            sends.add(m.group());
            at.add(m.start());
            at.add(m.end());
        }
        // sends: ACK, re-INVITE, ACK, BYE; between the re-INVITE and the second ACK, its answer's recvs
        String reInviteAnswer = scenario.substring(at.get(3), at.get(4));
        String byeAnswer = scenario.substring(at.get(7));
        return scenario.substring(0, at.get(0)) + sends.get(1) + reInviteAnswer + sends.get(0) + sends.get(3)
                + byeAnswer + sends.get(2);
    }

    // the caller's outcomes

    static final String CALLER_ANSWERED = """
              <recv response="100" optional="true"/>
              <recv response="180" optional="true"/>
              <recv response="200" rrs="true"/>
              <send><![CDATA[
            ACK [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            CSeq: 2 ACK
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <send><![CDATA[
            BYE [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            CSeq: 3 BYE
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <recv response="200"/>
            """;

    /** Answered by voicemail: a 101 for each UM server tried (MS-EUMR §3.1.5.4), then 200. */
    static String callerVoicemail(int umServersTried) {
        return "  <recv response=\"100\" optional=\"true\"/>\n  <recv response=\"180\" optional=\"true\"/>\n"
                + progress(umServersTried)
                + CALLER_ANSWERED.replace("  <recv response=\"100\" optional=\"true\"/>\n", "")
                        .replace("  <recv response=\"180\" optional=\"true\"/>\n", "");
    }

    /** A 101 for each UM server tried (MS-EUMR §3.1.5.4), each maybe followed by the server's ringing. */
    static String progress(int umServersTried) {
        // sipp takes a second identical 101 for a retransmission: the tests count them in its log
        return umServersTried == 0 ? "" : "  <recv response=\"101\"/>\n  <recv response=\"180\" optional=\"true\"/>\n";
    }

    static String callerRefused(int status, int errorId, int provisional101) {
        return "  <recv response=\"100\" optional=\"true\"/>\n" + "  <recv response=\"180\" optional=\"true\"/>\n"
                + progress(provisional101) + """
                  <recv response="%d">
                    <action>
                      <ereg regexp="^ *%d;reason=" search_in="hdr" header="ms-diagnostics-public:" check_it="true" assign_to="ok"/>
                      <ereg regexp="INVITE" search_in="hdr" header="CSeq:" check_it="true" assign_to="ok"/>
                    </action>
                  </recv>
                  <send><![CDATA[
                ACK %%TARGET%% SIP/2.0
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                CSeq: 2 ACK
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                """.formatted(status, errorId);
    }

    /** The caller hangs up while the callee rings. */
    static final String CALLER_CANCELS = """
              <recv response="100" optional="true"/>
              <recv response="180"/>
              <send><![CDATA[
            CANCEL %%TARGET%% SIP/2.0
            [last_Via:]
            From: <sip:%%USER%%@%%DOMAIN%%>;tag=[pid]caller[call_number]
            To: <%%TO%%>
            Call-ID: [call_id]
            CSeq: 2 CANCEL
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <recv response="200"/>
              <recv response="487"/>
              <send><![CDATA[
            ACK %%TARGET%% SIP/2.0
            [last_Via:]
            From: <sip:%%USER%%@%%DOMAIN%%>;tag=[pid]caller[call_number]
            [last_To:]
            Call-ID: [call_id]
            CSeq: 2 ACK
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
            """;

    /**
     * A peer that gets two INVITEs as two sipp calls (ucfront sends each attempt with its own
     * Call-ID): the one matching {@code discriminator} plays {@code matchedPath}; the other must
     * pass every check of {@code otherChecks} and plays {@code otherPath}.
     */
    static String either(String discriminator, String matchedPath, String otherPath, String... otherChecks) {
        return either(discriminator, new String[0], matchedPath, otherPath, otherChecks);
    }

    static String either(String discriminator, String[] matchedChecks, String matchedPath, String otherPath,
            String... otherChecks) {
        StringBuilder b = new StringBuilder("  <recv request=\"INVITE\">\n    <action>\n" + CAPTURE_CSEQ
                + "      <ereg regexp=\"" + discriminator + "\" search_in=\"msg\" assign_to=\"first\"/>\n");
        for (int i = 0; i < otherChecks.length; i++) {
            b.append("      <ereg regexp=\"").append(otherChecks[i]).append("\" search_in=\"msg\" assign_to=\"check").append(i)
                    .append("\"/>\n");
        }
        for (int i = 0; i < matchedChecks.length; i++) {
            b.append("      <ereg regexp=\"").append(matchedChecks[i]).append("\" search_in=\"msg\" assign_to=\"mcheck").append(i)
                    .append("\"/>\n");
        }
        b.append("    </action>\n  </recv>\n  <nop next=\"matched\" test=\"first\"/>\n");
        verify(b, "check", otherChecks.length);
        b.append(otherPath).append("  <nop next=\"done\"/>\n  <label id=\"matched\"/>\n");
        verify(b, "mcheck", matchedChecks.length);
        return b.append(matchedPath).append("  <label id=\"done\"/>\n").toString();
    }

    /** A failed check waits for a request that never comes: the call fails. */
    private static void verify(StringBuilder b, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            b.append("  <nop next=\"").append(prefix).append("ok").append(i).append("\" test=\"").append(prefix).append(i)
                    .append("\"/>\n")
                    .append("  <recv request=\"").append(prefix.toUpperCase()).append("-").append(i).append("-FAILED\" timeout=\"100\"/>\n")
                    .append("  <label id=\"").append(prefix).append("ok").append(i).append("\"/>\n");
        }
    }

    /** MS-EUMR §2.2.4: what the notification INVITE to {@code fqdn} must be. */
    static String[] notificationInviteChecks(String fqdn) {
        String f = fqdn.replace(".", "\\.");
        return new String[] {
            "^INVITE sip:" + f + ";transport=tls;opaque=app:rtcevent SIP/2\\.0",
            "From: &lt;sip:A410AA79-D874-4e56-9B46-709BDD0EB850&gt;;tag=",
            "Content-Type: application/sdp",
            "m=application 9 SIP \\*",
            "a=sendonly",
            "a=accept-types:application/ms-rtc-usernotification\\+xml"};
    }

    /** MS-EUMR §2.2.5: the UM server's answer. */
    static final String NOTIFICATION_ANSWER = """
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:];tag=umnotify
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[local_ip]:[local_port];transport=[transport]>
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=- 0 0 IN IP4 [local_ip]
            s=session
            c=IN IP4 [local_ip]
            t=0 0
            m=application 9 SIP *
            a=recvonly
            a=accept-types:application/ms-rtc-usernotification+xml
            a=ms-rtc-accept-eventtemplates:RtcDefault
            ]]></send>
              <recv request="ACK"/>
            """;

    /** One INFO of the notification dialog, its body matching each regular expression (§2.2.3). */
    static String notificationInfo(String... bodyChecks) {
        StringBuilder b = new StringBuilder("  <recv request=\"INFO\">\n    <action>\n"
                + header("Content-Type", "^ *application/ms-rtc-usernotification\\+xml *$"));
        for (String c : bodyChecks) {
            b.append("      <ereg regexp=\"").append(c).append("\" search_in=\"body\" check_it=\"true\" assign_to=\"ok\"/>\n");
        }
        return b.append("    </action>\n  </recv>\n").append(OK_PLAIN).toString();
    }

    /** §3.2.6: the inactivity timer ends the dialog with BYE. */
    static final String NOTIFICATION_BYE = "  <recv request=\"BYE\" timeout=\"15000\"/>\n" + OK_PLAIN;
}
