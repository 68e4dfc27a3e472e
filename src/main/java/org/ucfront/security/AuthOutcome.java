package org.ucfront.security;

/** The result of authenticating a user's request, whatever the scheme. */
public sealed interface AuthOutcome permits AuthOutcome.Authenticated, AuthOutcome.Challenged, AuthOutcome.Refused {

    /** Authenticated as this user (the scheme's own name of them). */
    record Authenticated(String identity) implements AuthOutcome {
    }

    /** A 401/407 challenge (or the next handshake step) was already sent. */
    record Challenged() implements AuthOutcome {
    }

    /** Refused: the servlet answers with its error; {@code detail} is safe to send and log. */
    record Refused(Reason reason, String detail) implements AuthOutcome {
    }

    enum Reason {
        /** 400: credentials that cannot be parsed. */
        MALFORMED,
        /** 403: credentials of another user than the one addressed. */
        OTHER_USER,
        /** 403: wrong password (or none stored for the scheme used). */
        WRONG_CREDENTIALS,
        /** 403: a signed request whose signature is wrong or replayed (MS-SIPAE §3.3.5.2). */
        BAD_SIGNATURE,
        /** 403: too many failed authentications of this user from this address, or from this address. */
        THROTTLED
    }
}
