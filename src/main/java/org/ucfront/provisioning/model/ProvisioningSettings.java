package org.ucfront.provisioning.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ucfront.launcher.UcfrontConfig;

/**
 * Server-wide values of the provision groups, from configuration ({@code ucfront.provisioning.*},
 * documented in README.md), each checked against the domain §2.2.2.5.x gives it. Unset optional
 * values are left out of the answer.
 */
public record ProvisioningSettings(
        String organization,
        String absInternalServerUrl,
        String absExternalServerUrl,
        String dlxInternalUrl,
        String dlxExternalUrl,
        String lisInternalUrl,
        String helpdeskInternalUrl,
        String helpdeskExternalUrl,
        String mrasUri,
        String qosUri,
        String pc2pcAvEncryption,
        String maxVideoRateAllowed,
        String sipSecurityMode,
        boolean portRangeEnabled,
        int minMediaPort,
        int maxMediaPort,
        String locationProfile,
        boolean persistentChatEnabled,
        String persistentChatPoolUri,
        String persistentChatWebManagerUrlInternal,
        String persistentChatWebManagerUrlExternal,
        List<PublicProvider> publicProviders) {

    public ProvisioningSettings {
        publicProviders = List.copyOf(publicProviders);
    }

    /** §2.2.2.5.1 ucPC2PCAVEncryption. */
    public static final Set<String> ENCRYPTION = Set.of("SupportEncryption", "RequireEncryption", "DoNotSupportEncryption");
    /** §2.2.2.5.1 ucMaxVideoRateAllowed. */
    public static final Set<String> VIDEO_RATES = Set.of("default", "HD720P-1.5M", "VGA-600K", "CIF-250K");
    /** §2.2.2.5.1 ucEnableSIPSecurityMode. */
    public static final Set<String> SECURITY_MODES = Set.of("High", "Medium", "Low");

    public static ProvisioningSettings load(String domain) {
        return load(domain, UcfrontConfig::raw);
    }

    /** @throws UcfrontConfig.InvalidConfigException naming the setting that is wrong */
    public static ProvisioningSettings load(String domain, UnaryOperator<String> raw) {
        Reader r = new Reader(raw);
        int minPort = r.port("min.media.port", 1024);
        int maxPort = r.port("max.media.port", 65535);
        if (minPort > maxPort) {
            throw new UcfrontConfig.InvalidConfigException("ucfront.provisioning.min.media.port=" + minPort
                    + " is above ucfront.provisioning.max.media.port=" + maxPort);
        }
        return new ProvisioningSettings(
                r.text("organization", domain),
                r.url("abs.internal.url", true), r.url("abs.external.url", true),
                r.url("dlx.internal.url", true), r.url("dlx.external.url", true),
                r.url("lis.internal.url", true),
                r.url("helpdesk.internal.url", false), r.url("helpdesk.external.url", false),
                r.sipUri("mras.uri"), r.sipUri("qos.uri"),
                r.oneOf("pc2pc.av.encryption", "SupportEncryption", ENCRYPTION),
                r.oneOf("max.video.rate", "VGA-600K", VIDEO_RATES),
                r.oneOf("sip.security.mode", "High", SECURITY_MODES),
                r.bool("port.range.enabled", false), minPort, maxPort,
                r.text("location.profile", null),
                r.bool("persistent.chat.enabled", false),
                r.sipUri("persistent.chat.pool.uri"),
                r.url("persistent.chat.webmanager.internal.url", true),
                r.url("persistent.chat.webmanager.external.url", true),
                r.publicProviders("public.providers"));
    }

    private record Reader(UnaryOperator<String> raw) {
        static final String PREFIX = "ucfront.provisioning.";

        String value(String key) {
            String v = raw.apply(PREFIX + key);
            return v == null || v.isBlank() ? null : v.trim();
        }

        UcfrontConfig.InvalidConfigException invalid(String key, String v, String expected) {
            return new UcfrontConfig.InvalidConfigException(PREFIX + key + "=" + v + " is not valid; expected " + expected);
        }

        String text(String key, String fallback) {
            String v = value(key);
            if (v != null && (v.length() > 256 || v.chars().anyMatch(Character::isISOControl))) {
                throw invalid(key, v, "at most 256 characters without control characters");
            }
            return v == null ? fallback : v;
        }

        String url(String key, boolean httpsOnly) {
            String v = value(key);
            if (v == null) {
                return null;
            }
            try {
                URI u = new URI(v);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (u.getHost() == null || !(scheme.equals("https") || (!httpsOnly && scheme.equals("http")))) {
                    throw invalid(key, v, httpsOnly ? "an https URL" : "an http or https URL");
                }
                return v;
            } catch (URISyntaxException e) {
                throw invalid(key, v, "a URL");
            }
        }

        String sipUri(String key) {
            String v = value(key);
            if (v != null && !v.toLowerCase(Locale.ROOT).matches("sips?:[a-z0-9._~%!$&'()*+,;=:@-]+")) {
                throw invalid(key, v, "a sip: URI");
            }
            return v;
        }

        String oneOf(String key, String fallback, Set<String> allowed) {
            String v = value(key);
            if (v != null && !allowed.contains(v)) {
                throw invalid(key, v, "one of " + allowed);
            }
            return v == null ? fallback : v;
        }

        /** §2.2.2.5.12: the public providers, {@link PublicProvider#SYNTAX} separated by {@code ;}. */
        List<PublicProvider> publicProviders(String key) {
            String v = value(key);
            try {
                return PublicProvider.parseList(v);
            } catch (IllegalArgumentException e) {
                throw invalid(key, v, e.getMessage());
            }
        }

        boolean bool(String key, boolean fallback) {
            String v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.equals("true") && !v.equals("false")) {
                throw invalid(key, v, "true or false");
            }
            return Boolean.parseBoolean(v);
        }

        int port(String key, int fallback) {
            String v = value(key);
            if (v == null) {
                return fallback;
            }
            try {
                int p = Integer.parseInt(v);
                if (p >= 1024 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw invalid(key, v, "a port from 1024 to 65535");
        }
    }
}
