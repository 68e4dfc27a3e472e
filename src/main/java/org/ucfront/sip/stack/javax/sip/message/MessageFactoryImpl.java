package org.ucfront.sip.stack.javax.sip.message;

/** The reference one: JAIN SIP looks for every factory under the stack's path name (see SipStackImpl). */
public class MessageFactoryImpl extends gov.nist.javax.sip.message.MessageFactoryImpl {
}
