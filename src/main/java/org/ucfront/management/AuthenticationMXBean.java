package org.ucfront.management;

import java.util.Map;

/** JMX view of authentication: {@code org.ucfront:type=Authentication}. */
public interface AuthenticationMXBean {

    /** Refusals since the start, by service and reason, e.g. "sip-registrar WRONG_CREDENTIALS". */
    Map<String, Long> getFailures();

    long getFailureTotal();

    /** Digest challenges sent, by stale ("true": the nonce had expired, the password was right). */
    Map<String, Long> getChallenges();
}
