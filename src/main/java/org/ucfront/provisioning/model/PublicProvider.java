package org.ucfront.provisioning.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A public IM provider the client may federate with (§2.2.2.5.12 PublicProvider): the attributes
 * of one entry of the publicProviders group, each checked against its domain when created.
 * {@code nameDecorationExcludedDomains} is the comma-separated NameDecorationExcludedDomainList.
 */
public record PublicProvider(String name, String proxyFqdn, String iconUrl, String nameDecorationDomain,
        String nameDecorationRoutingDomain, List<String> nameDecorationExcludedDomains) {

    /** How the configuration writes one provider; providers are separated by {@code ;}. */
    public static final String SYNTAX =
            "Name|ProxyFqdn[|IconUrl[|NameDecorationDomain[|NameDecorationRoutingDomain[|ExcludedDomain,…]]]]";
    private static final int MAX_NAME = 256;
    private static final int FIELDS = 6;
    // a host name of at least two labels (RFC 1123), at most 253 characters: "fully qualified"
    private static final Pattern FQDN = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final ValueDomain ICON_URL = new ValueDomain.WebUrl(false);

    public PublicProvider {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Name must be 1 to " + MAX_NAME + " characters without control characters");
        }
        fqdn("ProxyFqdn", proxyFqdn, true);
        if (iconUrl != null && ICON_URL.problem(iconUrl) != null) {
            throw new IllegalArgumentException("IconUrl " + ICON_URL.problem(iconUrl));
        }
        fqdn("NameDecorationDomain", nameDecorationDomain, false);
        fqdn("NameDecorationRoutingDomain", nameDecorationRoutingDomain, false);
        nameDecorationExcludedDomains = List.copyOf(nameDecorationExcludedDomains);
        nameDecorationExcludedDomains.forEach(d -> fqdn("NameDecorationExcludedDomainList", d, true));
    }

    private static void fqdn(String attribute, String value, boolean required) {
        if (value == null ? required : !FQDN.matcher(value).matches()) {
            throw new IllegalArgumentException(attribute + " must be a fully qualified domain name"
                    + (value == null ? "" : ", not " + value));
        }
    }

    /** NameDecorationExcludedDomainList as §2.2.2.5.12 writes it; null when there is none. */
    public String excludedDomainList() {
        return nameDecorationExcludedDomains.isEmpty() ? null : String.join(",", nameDecorationExcludedDomains);
    }

    /**
     * Parses the configured list: entries in {@link #SYNTAX} separated by {@code ;}, blank ones
     * skipped, empty optional fields left unset. Null or blank: no providers.
     *
     * @throws IllegalArgumentException saying which entry is wrong and why
     */
    public static List<PublicProvider> parseList(String value) {
        List<PublicProvider> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        String[] entries = value.split(";", -1);
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].isBlank()) {
                continue;
            }
            PublicProvider p;
            try {
                p = parse(entries[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entries " + SYNTAX + " separated by ';' (entry " + (i + 1) + ": "
                        + e.getMessage() + ")");
            }
            if (!names.add(p.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("each provider Name once (" + p.name() + " is listed twice)");
            }
            out.add(p);
        }
        return out;
    }

    private static PublicProvider parse(String entry) {
        String[] f = entry.split("\\|", -1);
        if (f.length < 2 || f.length > FIELDS) {
            throw new IllegalArgumentException("has " + f.length + " fields, expected 2 to " + FIELDS);
        }
        List<String> excluded = new ArrayList<>();
        String list = field(f, 5);
        if (list != null) {
            for (String d : list.split(",", -1)) {
                excluded.add(d.trim());
            }
        }
        return new PublicProvider(field(f, 0), field(f, 1), field(f, 2), field(f, 3), field(f, 4), excluded);
    }

    private static String field(String[] fields, int i) {
        if (i >= fields.length || fields[i].isBlank()) {
            return null;
        }
        return fields[i].trim();
    }
}
