package org.ucfront.sip.stack.javax.sip.address;

/** The reference one: JAIN SIP looks for every factory under the stack's path name (see SipStackImpl). */
public class AddressFactoryImpl extends gov.nist.javax.sip.address.AddressFactoryImpl {
}
