package org.ucfront.sip.stack.javax.sip.header;

/** The reference one: JAIN SIP looks for every factory under the stack's path name (see SipStackImpl). */
public class HeaderFactoryImpl extends gov.nist.javax.sip.header.HeaderFactoryImpl {
}
