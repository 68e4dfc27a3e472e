package org.ucfront.security.sipae;

import gov.nist.javax.sip.header.SIPHeader;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletResponse;
import javax.sip.message.Message;
import javax.sip.message.Response;

/**
 * The string a message signature is computed over (MS-SIPAE §3.2.5.1.3 / §3.3.5.x; MS-SIP §3.1.4.2):
 * values in angle brackets, exactly as they appear in the message:
 * {@code <scheme><rand><num><realm><targetname><Call-ID><CSeq#><CSeq method><From URI><From tag>}
 * then, from protocol version 3, {@code <To URI>}, then {@code <To tag>}, then from version 3
 * {@code <P-Asserted-Identity SIP URI><P-Asserted-Identity tel URI>}, then {@code <Expires>} and,
 * for responses, the status code.
 */
public final class SignatureBuffer {

    /** §2.2.3: the protocol version from which To URI and P-Asserted-Identity are signed. */
    static final int VERSION_WITH_TO_URI = 3;
    static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";
    static final String P_PREFERRED_IDENTITY = "P-Preferred-Identity";

    private SignatureBuffer() {
    }

    /** The buffer of a message as it will be (or was) sent. */
    public static String of(SipServletMessage m, String scheme, String rand, String num, String realm,
            String targetname, int version) {
        Integer status = m instanceof SipServletResponse r ? r.getStatus() : null;
        return of(m::getHeader, status, scheme, rand, num, realm, targetname, version);
    }

    /** The same for a message of the SIP stack (one it makes by itself). */
    public static String of(Message m, String scheme, String rand, String num, String realm, String targetname,
            int version) {
        UnaryOperator<String> header = name -> m.getHeader(name) instanceof SIPHeader h ? h.getHeaderValue() : null;
        Integer status = m instanceof Response r ? r.getStatusCode() : null;
        return of(header, status, scheme, rand, num, realm, targetname, version);
    }

    /** {@code header}: the first value of a header name, or null. */
    private static String of(UnaryOperator<String> header, Integer status, String scheme, String rand, String num,
            String realm, String targetname, int version) {
        String[] cseq = header.apply("CSeq").trim().split("\\s+", 2);
        String from = header.apply("From");
        String to = header.apply("To");
        String identity = header.apply(P_ASSERTED_IDENTITY);
        if (identity == null) {
            identity = header.apply(P_PREFERRED_IDENTITY);
        }
        return of(new Fields(scheme, rand, num, realm, targetname, header.apply("Call-ID"), cseq[0],
                cseq.length > 1 ? cseq[1].trim() : "", uri(from), tag(from), uri(to), tag(to),
                identityUri(identity, "sip:"), identityUri(identity, "tel:"), header.apply("Expires"), status), version);
    }

    /** The fields of one buffer, each null when absent (written as an empty {@code <>}). */
    public record Fields(String scheme, String rand, String num, String realm, String targetname, String callId,
            String cseqNumber, String cseqMethod, String fromUri, String fromTag, String toUri, String toTag,
            String identitySip, String identityTel, String expires, Integer status) {
    }

    public static String of(Fields f, int version) {
        StringBuilder b = new StringBuilder();
        for (String v : new String[] {f.scheme(), f.rand(), f.num(), f.realm(), f.targetname(), f.callId(),
            f.cseqNumber(), f.cseqMethod(), f.fromUri(), f.fromTag()}) {
            field(b, v);
        }
        if (version >= VERSION_WITH_TO_URI) {
            field(b, f.toUri());
        }
        field(b, f.toTag());
        if (version >= VERSION_WITH_TO_URI) {
            field(b, f.identitySip());
            field(b, f.identityTel());
        }
        field(b, f.expires());
        if (f.status() != null) {
            field(b, Integer.toString(f.status()));
        }
        return b.toString();
    }

    public static byte[] bytes(String buffer) {
        return buffer.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder b, String value) {
        b.append('<').append(value == null ? "" : value).append('>');
    }

    /** The URI of a name-addr ({@code "Name" <uri>;params}) or addr-spec ({@code uri;params}). */
    static String uri(String nameAddr) {
        if (nameAddr == null) {
            return null;
        }
        int lt = nameAddr.indexOf('<');
        if (lt >= 0) {
            int gt = nameAddr.indexOf('>', lt);
            return gt < 0 ? null : nameAddr.substring(lt + 1, gt);
        }
        int semi = nameAddr.indexOf(';');
        return (semi < 0 ? nameAddr : nameAddr.substring(0, semi)).trim();
    }

    /** The tag parameter after the address. */
    static String tag(String nameAddr) {
        if (nameAddr == null) {
            return null;
        }
        int gt = nameAddr.lastIndexOf('>');
        String params = gt < 0 ? nameAddr.substring(Math.max(0, nameAddr.indexOf(';'))) : nameAddr.substring(gt + 1);
        for (String p : params.split(";")) {
            String t = p.trim();
            if (t.regionMatches(true, 0, "tag=", 0, 4)) {
                return t.substring(4);
            }
        }
        return null;
    }

    /** The sip: or tel: URI among the comma-separated P-Asserted-Identity values. */
    private static String identityUri(String header, String scheme) {
        if (header == null) {
            return null;
        }
        for (String value : header.split(",")) {
            String u = uri(value.trim());
            if (u != null && u.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return u;
            }
        }
        return null;
    }
}
