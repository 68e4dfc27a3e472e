package org.ucfront.directory.ldap.model;

import java.util.Locale;

/** The shipped attribute mappings: Active Directory with the Lync attributes, and OpenLDAP's inetOrgPerson. */
public enum DirectoryPreset {

    /** Active Directory extended by the Lync / Skype for Business schema. */
    AD("ad", new AttributeMapping("msRTCSIP-PrimaryUserAddress", "msRTCSIP-UserEnabled", "displayName",
            "telephoneNumber", "mail", "userAccountControl", "msRTCSIP-PrimaryHomeServer", null, "uSNChanged")),
    /** RFC 2798 inetOrgPerson: the SIP address defaults to mail; configure another with ucfront.ldap.attribute.sip. */
    INETORGPERSON("inetorgperson", new AttributeMapping("mail", null, "displayName", "telephoneNumber", "mail",
            null, null, null, "modifyTimestamp"));

    private final String code;
    private final AttributeMapping mapping;

    DirectoryPreset(String code, AttributeMapping mapping) {
        this.code = code;
        this.mapping = mapping;
    }

    public String code() {
        return code;
    }

    public AttributeMapping mapping() {
        return mapping;
    }

    /** The preset's search filter: the users that have a SIP address. */
    public String defaultFilter(AttributeMapping m) {
        String objectClass = this == AD ? "user" : "inetOrgPerson";
        return "(&(objectClass=" + objectClass + ")(" + m.sip() + "=*))";
    }

    public static DirectoryPreset parse(String v) {
        for (DirectoryPreset p : values()) {
            if (p.code.equals(v.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(v);
    }
}
