package org.ucfront.clientversion.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the registrar does with a client whose version a rule matched (§3.4.2.5, DIGEST §4): its
 * answer (200 or 403) and the Warning it carries, with a fixed warn-text or the rule's URL.
 */
public enum ClientVersionAction {
    /** §3.4.2.5.2: 200 OK, no Warning. */
    ALLOW("allow", 200, 0, Url.NONE, null),
    /** §3.4.2.5.3: 403 with 310 and the prompt text. */
    BLOCK_WITH_PROMPT("block-with-prompt", 403, ClientVersionWarning.PROMPT, Url.NONE,
            ClientVersionWarning.PROMPT_TEXT),
    /** §3.4.2.5.4: 403 with 311 and the static URL. */
    BLOCK_WITH_STATIC_URL("block-with-static-url", 403, ClientVersionWarning.BLOCKED_STATIC_URL, Url.STATIC, null),
    /** §3.4.2.5.5: 200 with 313 and the static URL. */
    ALLOW_WITH_STATIC_URL("allow-with-static-url", 200, ClientVersionWarning.ALLOWED_STATIC_URL, Url.STATIC, null),
    /** §3.4.2.5.6: 403 with 314 and the upgrade text. */
    BLOCK_WITH_UPGRADE("block-with-upgrade", 403, ClientVersionWarning.UPGRADE, Url.NONE,
            ClientVersionWarning.UPGRADE_TEXT),
    /** §3.4.2.5.7: 200 with 314 and the upgrade text. */
    ALLOW_WITH_UPGRADE("allow-with-upgrade", 200, ClientVersionWarning.UPGRADE, Url.NONE,
            ClientVersionWarning.UPGRADE_TEXT),
    /** §3.4.2.5.8: 403 with 312 and the dynamic (base) URL. */
    BLOCK_WITH_DYNAMIC_URL("block-with-dynamic-url", 403, ClientVersionWarning.DYNAMIC_URL, Url.DYNAMIC, null),
    /** §3.4.2.5.9: 200 with 312 and the dynamic (base) URL. */
    ALLOW_WITH_DYNAMIC_URL("allow-with-dynamic-url", 200, ClientVersionWarning.DYNAMIC_URL, Url.DYNAMIC, null);

    /** The rule field a URL problem is reported against. */
    public static final String URL_FIELD = "url";
    /** §3.4.2.5.8: the parameter a dynamic URL MUST contain. */
    public static final String FOLDER_PARAM = "folder";
    /** ucfront's own bound on a configured URL. */
    public static final int MAX_URL_LENGTH = 1024;

    /** Which URL an action's warn-text is. */
    private enum Url { NONE, STATIC, DYNAMIC }

    private final String code;
    private final int statusCode;
    private final int warnCode;
    private final Url url;
    private final String fixedText;

    ClientVersionAction(String code, int statusCode, int warnCode, Url url, String fixedText) {
        this.code = code;
        this.statusCode = statusCode;
        this.warnCode = warnCode;
        this.url = url;
        this.fixedText = fixedText;
    }

    /** The name the admin API and the configuration use, e.g. {@code block-with-prompt}. */
    public String code() {
        return code;
    }

    /** The answer to the REGISTER: 200 or 403 (§3.4.2.5.1). */
    public int statusCode() {
        return statusCode;
    }

    /** True if the client gets 403 and no binding. */
    public boolean blocks() {
        return statusCode == 403;
    }

    /** True if the action needs a URL (static or dynamic). */
    public boolean takesUrl() {
        return url != Url.NONE;
    }

    /** The Warning the answer carries; {@code url} is the rule's (null for actions without one). */
    public Optional<ClientVersionWarning> warning(String url) {
        if (warnCode == 0) {
            return Optional.empty();
        }
        return Optional.of(new ClientVersionWarning(warnCode, takesUrl() ? url : fixedText));
    }

    /**
     * Checks the URL configured with this action: none for actions without one; an absolute http
     * or https URL for a static one (§3.4.2.5.4); an https URL with a {@code folder} parameter for
     * a dynamic one (§3.4.2.5.8).
     *
     * @throws InvalidRuleException naming the {@code url} field
     */
    public void checkUrl(String value) {
        if (!takesUrl()) {
            if (value != null) {
                throw new InvalidRuleException(URL_FIELD, code + " takes no URL");
            }
            return;
        }
        if (value == null || value.isBlank()) {
            throw new InvalidRuleException(URL_FIELD, "required for " + code);
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw new InvalidRuleException(URL_FIELD, "longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri = absoluteHttpUri(value);
        if (url == Url.DYNAMIC) {
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new InvalidRuleException(URL_FIELD, "a dynamic URL must be an https URL");
            }
            if (!hasFolder(uri.getRawQuery())) {
                throw new InvalidRuleException(URL_FIELD, "a dynamic URL must contain " + FOLDER_PARAM + "=");
            }
        }
    }

    private static URI absoluteHttpUri(String value) {
        boolean printableAscii = value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (printableAscii && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidRuleException(URL_FIELD, "expected an absolute http or https URL");
    }

    /** §3.4.2.5.8: a query parameter named folder, with a value (the client adds lang, arch, … §3.4.1.5.2). */
    private static boolean hasFolder(String query) {
        if (query == null) {
            return false;
        }
        for (String param : query.split("&")) {
            if (param.startsWith(FOLDER_PARAM + "=") && param.length() > FOLDER_PARAM.length() + 1) {
                return true;
            }
        }
        return false;
    }

    /** The action named by its code, case-insensitively; "_" and " " read as "-". */
    public static Optional<ClientVersionAction> fromCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (ClientVersionAction a : values()) {
            if (a.code.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Every code, for messages. */
    public static String codes() {
        StringBuilder b = new StringBuilder();
        for (ClientVersionAction a : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(a.code);
        }
        return b.toString();
    }
}
