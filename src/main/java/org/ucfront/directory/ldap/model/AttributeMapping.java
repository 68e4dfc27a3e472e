package org.ucfront.directory.ldap.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Which directory attribute holds which user property. A null name means the directory has no
 * such attribute (the property is then unset, or "enabled" for the enabled flags).
 *
 * @param sip           the SIP address, {@code sip:user@host} or {@code user@host}
 * @param sipEnabled    a boolean (TRUE/FALSE) that enables the user for SIP
 * @param accountControl AD's userAccountControl: bit {@link #ACCOUNT_DISABLE} disables the user
 * @param homeServer    the user's home server (an FQDN, or a DN that names one)
 * @param registrar     the user's home registrar (a {@code sip:} URI or FQDN)
 * @param changed       the change marker incremental searches ask for (modifyTimestamp, uSNChanged)
 * @param ntHash        the user's NT hash as 32 hexadecimal digits for NTLM (e.g. Samba's sambaNTPassword);
 *                      no preset reads one (AD does not disclose it)
 */
public record AttributeMapping(String sip, String sipEnabled, String displayName, String telephoneNumber,
        String mail, String accountControl, String homeServer, String registrar, String changed, String ntHash) {

    public AttributeMapping(String sip, String sipEnabled, String displayName, String telephoneNumber,
            String mail, String accountControl, String homeServer, String registrar, String changed) {
        this(sip, sipEnabled, displayName, telephoneNumber, mail, accountControl, homeServer, registrar, changed, null);
    }

    /** [MS-ADTS] §2.2.16 userAccountControl ADS_UF_ACCOUNTDISABLE. */
    public static final int ACCOUNT_DISABLE = 0x2;
    /** The override keys, after {@code ucfront.ldap.attribute.}. */
    public static final String PREFIX = "ucfront.ldap.attribute.";
    /** The value that clears a preset's attribute ("the directory has none"). */
    public static final String NONE = "none";

    /** Applies {@code ucfront.ldap.attribute.<name>} overrides; {@code none} clears one. */
    public AttributeMapping withOverrides(UnaryOperator<String> raw) {
        return new AttributeMapping(
                override(raw, "sip", sip), override(raw, "sip.enabled", sipEnabled),
                override(raw, "display.name", displayName), override(raw, "telephone.number", telephoneNumber),
                override(raw, "mail", mail), override(raw, "account.control", accountControl),
                override(raw, "home.server", homeServer), override(raw, "registrar", registrar),
                override(raw, "changed", changed), override(raw, "nt.hash", ntHash));
    }

    /** The attributes a search asks for (operational ones such as modifyTimestamp are not sent unasked). */
    public String[] requested() {
        List<String> names = new ArrayList<>();
        for (String a : new String[] {sip, sipEnabled, displayName, telephoneNumber, mail, accountControl,
                homeServer, registrar, changed, ntHash}) {
            if (a != null && !names.contains(a)) {
                names.add(a);
            }
        }
        return names.toArray(new String[0]);
    }

    private static String override(UnaryOperator<String> raw, String key, String preset) {
        String v = raw.apply(PREFIX + key);
        if (v == null || v.isBlank()) {
            return preset;
        }
        v = v.trim();
        if (v.toLowerCase(Locale.ROOT).equals(NONE)) {
            return null;
        }
        if (!v.matches("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+")) { // RFC 4512 §2.5 descr / numericoid
            throw new IllegalArgumentException(PREFIX + key + "=" + v + " is not an attribute name");
        }
        return v;
    }
}
