package org.ucfront.clientversion.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How a rule compares the client's version with its own (§3.4.2.5: the administrator configures
 * which UAC versions are supported). Each has a short code ({@code ge}) and a word
 * ({@code greater-or-equal}); the admin API accepts either and answers with the code.
 */
public enum VersionComparison {
    EQUAL("eq", "equal"),
    NOT_EQUAL("ne", "not-equal"),
    GREATER("gt", "greater"),
    GREATER_OR_EQUAL("ge", "greater-or-equal"),
    LESS("lt", "less"),
    LESS_OR_EQUAL("le", "less-or-equal");

    /** What {@link #fromText} accepts, for messages. */
    public static final String EXPECTED = "eq, ne, gt, ge, lt or le (or equal, not-equal, greater,"
            + " greater-or-equal, less, less-or-equal)";

    private final String code;
    private final String word;

    VersionComparison(String code, String word) {
        this.code = code;
        this.word = word;
    }

    public String code() {
        return code;
    }

    public String word() {
        return word;
    }

    /** True if {@code client <op> reference}, e.g. client ≥ reference for GREATER_OR_EQUAL. */
    public boolean test(ClientVersion client, ClientVersion reference) {
        int c = client.compareTo(reference);
        return switch (this) {
            case EQUAL -> c == 0;
            case NOT_EQUAL -> c != 0;
            case GREATER -> c > 0;
            case GREATER_OR_EQUAL -> c >= 0;
            case LESS -> c < 0;
            case LESS_OR_EQUAL -> c <= 0;
        };
    }

    /** The comparison named by its code or word, case-insensitively; "_" and " " read as "-". */
    public static Optional<VersionComparison> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (VersionComparison v : values()) {
            if (v.code.equals(t) || v.word.equals(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
