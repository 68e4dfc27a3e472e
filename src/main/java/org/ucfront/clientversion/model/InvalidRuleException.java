package org.ucfront.clientversion.model;

/**
 * A client version rule (or the configured default) that cannot be used. The message starts with
 * the field at fault, e.g. {@code url: a dynamic URL must contain folder=}, and is safe to return
 * to the administrator.
 */
public final class InvalidRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidRuleException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The rule field at fault, as the admin API names it. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field name. */
    public String problem() {
        return problem;
    }
}
