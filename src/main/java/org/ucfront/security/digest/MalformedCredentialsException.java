package org.ucfront.security.digest;

import org.ucfront.sip.MalformedHeaderException;

/** An Authorization / Proxy-Authorization value that is not well-formed Digest credentials. */
public class MalformedCredentialsException extends MalformedHeaderException {
    private static final long serialVersionUID = 1L;

    public MalformedCredentialsException(String message) {
        super(message);
    }

    public MalformedCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
