package org.ucfront.security.sipae;

/**
 * The signing half of an established security context: NTLM's MAC or Kerberos' GSS_GetMIC over a
 * signature buffer (MS-SIP §3.1.4.2).
 */
public interface MessageSigner {

    /** The server's signature of a buffer (sent as rspauth). */
    byte[] sign(byte[] buffer);

    /** Whether a client's signature (its response parameter) is right for the buffer. */
    boolean verify(byte[] buffer, byte[] signature);
}
