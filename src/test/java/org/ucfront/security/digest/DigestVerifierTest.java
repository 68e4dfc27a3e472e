package org.ucfront.security.digest;

import static org.junit.Assert.assertEquals;

import java.util.Optional;

import org.junit.Test;
import org.ucfront.security.digest.DigestVerifier.Result;

public class DigestVerifierTest {
    /** RFC 7616 §3.9.1 (the SHA-256 and MD5 examples share their inputs). */
    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String RFC7616_OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String RFC7616_REALM = "http-auth@example.org";

    private static String rfc7616(String algorithm, String response) {
        return "Digest username=\"Mufasa\", realm=\"" + RFC7616_REALM + "\", uri=\"/dir/index.html\", algorithm="
                + algorithm + ", nonce=\"" + RFC7616_NONCE + "\", nc=00000001, cnonce=\"" + RFC7616_CNONCE
                + "\", qop=auth, response=\"" + response + "\", opaque=\"" + RFC7616_OPAQUE + "\"";
    }

    @Test
    public void hashFunctions() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", DigestAlgorithm.MD5.hash(""));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DigestAlgorithm.SHA256.hash(""));
        assertEquals(Optional.of(DigestAlgorithm.SHA256), DigestAlgorithm.fromToken("sha-256"));
        assertEquals(Optional.of(DigestAlgorithm.MD5), DigestAlgorithm.fromToken("md5"));
        assertEquals(Optional.empty(), DigestAlgorithm.fromToken("MD5-sess"));
        assertEquals(Optional.empty(), DigestAlgorithm.fromToken(null));
    }

    @Test
    public void ha1OfTheRfc2617User() {
        // HA1 of RFC 2617's example, as published alongside it (e.g. Wikipedia "Digest access authentication").
        assertEquals("939e7578ed9e3c518a452acee763bce9",
                Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    @Test
    public void rfc2617Section35() {
        String ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("6629fae49393a05397450978507c4ef1", DigestVerifier.expectedResponse(DigestAlgorithm.MD5, ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html"));
        DigestCredentials c = DigestCredentials.parse(DigestCredentialsTest.RFC2617);
        assertEquals(Result.VALID, DigestVerifier.verify(c, "GET", ha1));
        assertEquals(Result.VALID, DigestVerifier.verify(c, "GET", ha1.toUpperCase()));
    }

    @Test
    public void rfc7616Section391Sha256() {
        String ha1 = Ha1.compute(DigestAlgorithm.SHA256, "Mufasa", RFC7616_REALM, "Circle of Life");
        DigestCredentials c = DigestCredentials.parse(
                rfc7616("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
        assertEquals(Result.VALID, DigestVerifier.verify(c, "GET", ha1));
    }

    @Test
    public void rfc7616Section391Md5() {
        String ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", RFC7616_REALM, "Circle of Life");
        DigestCredentials c = DigestCredentials.parse(rfc7616("MD5", "8ca523f5e9506fed4657c9700eebdbec"));
        assertEquals(Result.VALID, DigestVerifier.verify(c, "GET", ha1));
    }

    @Test
    public void rfc2069WithoutQop() {
        // RFC 2069 §2.4 example with its erratum: the published response was wrong,
        // 1949323746fe6a43ef61f9606e7febea is the corrected one (password "CircleOfLife").
        String ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "CircleOfLife");
        DigestCredentials c = DigestCredentials.parse("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"1949323746fe6a43ef61f9606e7febea\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        assertEquals(Result.VALID, DigestVerifier.verify(c, "GET", ha1));
    }

    @Test
    public void wrongPasswordMethodOrAlgorithmFails() {
        DigestCredentials c = DigestCredentials.parse(DigestCredentialsTest.RFC2617);
        String ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals(Result.WRONG_RESPONSE, DigestVerifier.verify(c, "GET",
                Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle of Life")));
        assertEquals(Result.WRONG_RESPONSE, DigestVerifier.verify(c, "REGISTER", ha1));
        assertEquals(Result.WRONG_RESPONSE, DigestVerifier.verify(c, "GET",
                Ha1.compute(DigestAlgorithm.SHA256, "Mufasa", "testrealm@host.com", "Circle Of Life")));
        DigestCredentials sha = DigestCredentials.parse(
                rfc7616("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
        assertEquals(Result.WRONG_RESPONSE, DigestVerifier.verify(sha, "GET",
                Ha1.compute(DigestAlgorithm.MD5, "Mufasa", RFC7616_REALM, "Circle of Life")));
    }

    @Test
    public void tamperedParametersFail() {
        String ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        String[] tampered = {
            DigestCredentialsTest.RFC2617.replace("nc=00000001", "nc=00000002"),
            DigestCredentialsTest.RFC2617.replace("0a4f113b", "0a4f113c"),
            DigestCredentialsTest.RFC2617.replace("/dir/index.html", "/dir/index.htm"),
            DigestCredentialsTest.RFC2617.replace("dcd98b71", "dcd98b72"),
        };
        for (String t : tampered) {
            assertEquals(t, Result.WRONG_RESPONSE, DigestVerifier.verify(DigestCredentials.parse(t), "GET", ha1));
        }
    }

    @Test
    public void unsupportedAlgorithmAndQop() {
        String ha1 = Ha1.compute(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals(Result.UNSUPPORTED_ALGORITHM, DigestVerifier.verify(
                DigestCredentials.parse(DigestCredentialsTest.RFC2617 + ", algorithm=MD5-sess"), "GET", ha1));
        assertEquals(Result.UNSUPPORTED_QOP, DigestVerifier.verify(
                DigestCredentials.parse(DigestCredentialsTest.RFC2617.replace("qop=auth", "qop=auth-int")), "GET", ha1));
    }
}
