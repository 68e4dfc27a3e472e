package org.ucfront.provisioning.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The values a provision-group property may take (§2.2.2.5.x: "MUST be true or false", a
 * SIP URI, an HTTPS URL, one of a list). Administered values are checked against it when they
 * are written, so an answer never carries a value outside its domain.
 */
public sealed interface ValueDomain {

    /** Null when the value is in the domain, else why not. */
    String problem(String value);

    record Bool() implements ValueDomain {
        @Override
        public String problem(String v) {
            return "true".equals(v) || "false".equals(v) ? null : "must be true or false";
        }
    }

    record Range(long min, long max) implements ValueDomain {
        @Override
        public String problem(String v) {
            try {
                long n = Long.parseLong(v);
                return n >= min && n <= max ? null : "must be a whole number from " + min + " to " + max;
            } catch (NumberFormatException e) {
                return "must be a whole number from " + min + " to " + max;
            }
        }
    }

    record OneOf(Set<String> values) implements ValueDomain {
        @Override
        public String problem(String v) {
            return values.contains(v) ? null : "must be one of " + new java.util.TreeSet<>(values);
        }
    }

    record SipUri() implements ValueDomain {
        @Override
        public String problem(String v) {
            return v.toLowerCase(Locale.ROOT).matches("sips?:[a-z0-9._~%!$&'()*+,;=:@-]+") ? null : "must be a sip: URI";
        }
    }

    /** An http(s) URL; {@code httpsOnly} where the spec says the URL MUST or SHOULD be HTTPS. */
    record WebUrl(boolean httpsOnly) implements ValueDomain {
        @Override
        public String problem(String v) {
            try {
                URI u = new URI(v);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                boolean ok = u.getHost() != null && (scheme.equals("https") || (!httpsOnly && scheme.equals("http")));
                return ok ? null : httpsOnly ? "must be an https URL" : "must be an http or https URL";
            } catch (URISyntaxException e) {
                return "must be a URL";
            }
        }
    }

    record Text(int maxLength) implements ValueDomain {
        @Override
        public String problem(String v) {
            return v.length() <= maxLength && v.chars().noneMatch(Character::isISOControl) ? null
                    : "must be at most " + maxLength + " characters without control characters";
        }
    }
}
