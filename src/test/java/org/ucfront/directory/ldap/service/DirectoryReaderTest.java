package org.ucfront.directory.ldap.service;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** RFC 4515 §3: every value placed in a filter is escaped, so a value can only match itself. */
public class DirectoryReaderTest {

    @Test
    public void filterMetacharactersInAnAddressAreEscaped() {
        assertEquals("(|(mail=sip:m\\2a\\29\\28uid=\\2a@fabrikam.com)(mail=m\\2a\\29\\28uid=\\2a@fabrikam.com))",
                DirectoryReader.forUser("mail", "m*)(uid=*@fabrikam.com").toString());
    }

    @Test
    public void aBackslashAndNulAreEscapedToo() {
        assertEquals("(|(mail=sip:a\\5cb\\00@x.com)(mail=a\\5cb\\00@x.com))",
                DirectoryReader.forUser("mail", "a\\b\0@x.com").toString());
    }
}
