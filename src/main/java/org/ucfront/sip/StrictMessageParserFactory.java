package org.ucfront.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The stack's parser (gov.nist.javax.sip.MESSAGE_PARSER_FACTORY) with {@link RequestFraming}'s
 * checks on the raw bytes: a request that fails them is still parsed, and carries its verdict as
 * the unparsed line {@value #MARKER}: "status reason" for {@link RequestFramingValve} to answer.
 */
public class StrictMessageParserFactory implements MessageParserFactory {

    static final String MARKER = "X-Ucfront-Refused";

    private final MessageParserFactory delegate = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = delegate.createMessageParser(stack);
        return (bytes, readBody, strict, listener) -> {
            SIPMessage message = parser.parseSIPMessage(bytes, readBody, strict, listener);
            RequestFraming.Problem p = message == null ? null : RequestFraming.check(bytes);
            if (p != null) {
                message.addUnparsed(MARKER + ": " + p.status() + " " + p.reason());
            }
            return message;
        };
    }
}
