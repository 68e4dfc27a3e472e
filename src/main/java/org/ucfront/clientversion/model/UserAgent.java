package org.ucfront.clientversion.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ucfront.sip.Tokens;

/**
 * The User-Agent header of a REGISTER (RFC 3261 §20.41, §3.4.1.5.1): a list of products
 * {@code token[/product-version]} and {@code (comments)}, e.g.
 * {@code UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)}.
 *
 * <p>Reading never fails: the value decides only which version rule applies, so a server-val that
 * does not follow the grammar is skipped up to the next whitespace, an unterminated comment ends
 * the list, and a value longer than {@link #MAX_LENGTH} is read as having no products. The
 * registrar answers by the default action then (no parsable version).
 */
public final class UserAgent {

    /** ucfront's own bound; the registrar refuses longer User-Agent values anyway. */
    public static final int MAX_LENGTH = 512;

    /** RFC 3261 §25.1: SLASH = SWS "/" SWS, between a product's token and its version. */
    private static final char SLASH = '/';
    /** RFC 3261 §25.1: comment = LPAREN *(ctext / quoted-pair / comment) RPAREN. */
    private static final char LPAREN = '(';
    private static final char RPAREN = ')';
    /** RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F). */
    private static final char BACKSLASH = '\\';

    /** One product: its token and its product-version (null when it has none). */
    public record Product(String name, String version) {
    }

    private static final UserAgent NONE = new UserAgent(List.of(), List.of());

    private final List<Product> products;
    private final List<String> comments;

    private UserAgent(List<Product> products, List<String> comments) {
        this.products = products;
        this.comments = comments;
    }

    /** Reads a User-Agent value; null, empty, too long or garbage give a value with no products. */
    public static UserAgent parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return NONE;
        }
        List<Product> products = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int i = skipWhitespace(value, 0);
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == LPAREN) {
                int end = commentEnd(value, i);
                if (end < 0) {
                    break; // unterminated: nothing after it can be read reliably
                }
                comments.add(value.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = product(value, i, products);
                i = end >= 0 ? end : garbageEnd(value, i);
            }
            i = skipWhitespace(value, i);
        }
        return new UserAgent(List.copyOf(products), List.copyOf(comments));
    }

    /** Reads {@code token [SLASH token]} at i; returns where it ends, or -1 if it is not a product. */
    private static int product(String s, int i, List<Product> out) {
        int nameEnd = tokenEnd(s, i);
        if (nameEnd == i) {
            return -1;
        }
        String name = s.substring(i, nameEnd);
        String version = null;
        int end = nameEnd;
        int slash = skipWhitespace(s, nameEnd);
        if (slash < s.length() && s.charAt(slash) == SLASH) {
            int versionStart = skipWhitespace(s, slash + 1);
            int versionEnd = tokenEnd(s, versionStart);
            if (versionEnd == versionStart) {
                return -1;
            }
            version = s.substring(versionStart, versionEnd);
            end = versionEnd;
        }
        // a server-val ends at whitespace, a comment or the end of the value
        if (end < s.length() && !isWhitespace(s.charAt(end)) && s.charAt(end) != LPAREN) {
            return -1;
        }
        out.add(new Product(name, version));
        return end;
    }

    /** The index of the RPAREN closing the comment opened at i, or -1 if it is not closed. */
    private static int commentEnd(String s, int i) {
        int depth = 0;
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == BACKSLASH) {
                j++;
            } else if (c == LPAREN) {
                depth++;
            } else if (c == RPAREN && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private static int tokenEnd(String s, int i) {
        while (i < s.length() && Tokens.isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int garbageEnd(String s, int i) {
        while (i < s.length() && !isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** The products in order. */
    public List<Product> products() {
        return products;
    }

    /** The comments in order, without their outer parentheses. */
    public List<String> comments() {
        return comments;
    }

    /**
     * The version of the first product with this token (compared case-insensitively), if it has
     * one in {@code Major.Minor.Build.Qfe} form (§3.4.1.5.1).
     */
    public Optional<ClientVersion> version(String product) {
        for (Product p : products) {
            if (p.name().equalsIgnoreCase(product)) {
                return ClientVersion.parse(p.version());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "UserAgent[products=" + products + ", comments=" + comments + "]";
    }
}
