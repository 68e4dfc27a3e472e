package org.ucfront.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** What an address of record may hold (RFC 3261 §25.1 user and hostname, kept strict). */
public class AddressOfRecordTest {

    @Test
    public void specAddressesAreKeptInLowerCase() {
        assertEquals("alice@fabrikam.com", AddressOfRecord.parse("sip:Alice@Fabrikam.COM").toString()); // MS-SIPREGE examples
        assertEquals("sip:j.user@example.com", AddressOfRecord.parse("j.user@example.com").toSipUri()); // RFC 4475
        assertEquals("1+2=3$,;?/%41-_.!~*'()&@192.0.2.4", new AddressOfRecord("1+2=3$,;?/%41-_.!~*'()&", "192.0.2.4").toString());
        assertEquals("a@b", new AddressOfRecord("a", "b").toString());
        assertEquals("u".repeat(128) + "@" + "h".repeat(253),
                new AddressOfRecord("u".repeat(128), "h".repeat(253)).toString());
        assertEquals("u@a-.-b.c", new AddressOfRecord("u", "a-.-b.c").toString()); // inner hyphens and dots
    }

    @Test
    public void usersOutsideTheirCharactersOrLengthAreRefused() {
        for (String user : new String[] {"", "u".repeat(129), "a b", "a@b", "a\"b", "a<b", "a:b", "a\rb", "a\nb", "a\u0000",
                "jos\u00e9", "\u0430lice", "a\\b", "a#b", "a[b]", "a{b}", "a|b", "a^b", "a`b"}) {
            assertThrows(user, MalformedHeaderException.class, () -> new AddressOfRecord(user, "fabrikam.com"));
        }
    }

    @Test
    public void hostsOutsideTheirCharactersOrLengthAreRefused() {
        for (String host : new String[] {"", "h".repeat(254), "-fabrikam.com", "fabrikam.com.", ".com", "fabrikam-",
                "fabri kam.com", "fabrikam.com;x", "fabr_ikam.com", "[::1]", "fabrikam.com:5061", "b\u00fccher.de", "a*b"}) {
            assertThrows(host, MalformedHeaderException.class, () -> new AddressOfRecord("alice", host));
        }
    }

    @Test
    public void nullPartsAreRefused() {
        assertThrows(MalformedHeaderException.class, () -> new AddressOfRecord(null, "fabrikam.com"));
        assertThrows(MalformedHeaderException.class, () -> new AddressOfRecord("alice", null));
        assertThrows(MalformedHeaderException.class, () -> AddressOfRecord.parse("alice"));
    }
}
