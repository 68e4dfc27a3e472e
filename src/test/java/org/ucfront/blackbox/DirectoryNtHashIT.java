package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * NTLM credentials from the directory: the NT hash of a synchronised user comes from a configured
 * attribute (Samba's sambaNTPassword in slapd), and the user signs in with NTLM with the password
 * behind it, never given to ucfront. The hash is MS-NLMP §4.2.2.1.2's NTOWFv1("Password").
 */
public class DirectoryNtHashIT {

    static final int LDAP_PORT = 15350;
    static final int SIP_PORT = 15351;
    static final int HTTP_PORT = 18350;
    static final String NT_HASH_OF_PASSWORD = "a4f49c406510bdcab6824ee7c30fd852";

    static Slapd slapd;
    static UcfrontServer server;

    @BeforeClass
    public static void start() throws Exception {
        slapd = new Slapd("directory-nthash", LDAP_PORT).start();
        slapd.add("dn: " + Slapd.SUFFIX + "\nobjectClass: dcObject\nobjectClass: organization\ndc: fabrikam\no: Fabrikam",
                "dn: " + Slapd.USERS + "\nobjectClass: organizationalUnit\nou: users");
        slapd.add(entry("nils", "\nsambaNTPassword: " + NT_HASH_OF_PASSWORD.toUpperCase()));
        slapd.add(entry("nora", "")); // no NT hash in the directory
        server = new UcfrontServer("directory-nthash", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_AUTH_SCHEMES", "ntlm")
                .with("UCFRONT_LDAP_URL", slapd.url())
                .with("UCFRONT_LDAP_PRESET", "ad")
                .with("UCFRONT_LDAP_BIND_DN", Slapd.ADMIN_DN)
                .with("UCFRONT_LDAP_BIND_PASSWORD", Slapd.ADMIN_PASSWORD)
                .with("UCFRONT_LDAP_BASE_DN", Slapd.SUFFIX)
                .with("UCFRONT_LDAP_ATTRIBUTE_NT_HASH", "sambaNTPassword")
                .with("UCFRONT_LDAP_SYNC_INTERVAL", "3600")
                .start();
        AdminClient admin = AdminClient.of(server);
        RegistrarIT.await(() -> admin.send("GET", "/directory", null).body().contains("\"result\":\"ok\""));
    }

    static String entry(String name, String extra) {
        return "dn: cn=" + name + "," + Slapd.USERS + "\nobjectClass: user\ncn: " + name + "\nsn: " + name
                + "\nmsRTCSIP-PrimaryUserAddress: sip:" + name + "@" + UcfrontServer.DOMAIN
                + "\nmsRTCSIP-UserEnabled: TRUE\nuserAccountControl: 512\nuSNChanged: 1" + extra;
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (slapd != null) {
            slapd.stop();
        }
    }

    @Test
    public void aDirectoryUserSignsInWithNtlmFromTheDirectorysNtHash() throws Exception {
        try (NtlmSigningIT.Endpoint e = new NtlmSigningIT.Endpoint("nils", InetAddress.getLoopbackAddress(), SIP_PORT)) {
            SipTestClient.Message ok = e.signIn("Password");
            assertEquals(ok.text(), 200, ok.status());
            NtlmSigningIT.assertSignedByServer(e, ok);
        }
    }

    @Test
    public void aDirectoryUserWithoutOneIsRefusedWithTheReason() throws Exception {
        try (NtlmSigningIT.Endpoint e = new NtlmSigningIT.Endpoint("nora", InetAddress.getLoopbackAddress(), SIP_PORT)) {
            SipTestClient.Message refused = e.signIn("Password");
            assertEquals(refused.text(), 403, refused.status());
            assertEquals("60007;reason=\"No NTLM credentials are set for this user.\"",
                    refused.header("ms-diagnostics-public"));
        }
    }
}
