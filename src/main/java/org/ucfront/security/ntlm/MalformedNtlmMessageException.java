package org.ucfront.security.ntlm;

/** An NTLM message that cannot be parsed; its message is safe to log (no client bytes). */
public final class MalformedNtlmMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedNtlmMessageException(String message) {
        super(message);
    }
}
