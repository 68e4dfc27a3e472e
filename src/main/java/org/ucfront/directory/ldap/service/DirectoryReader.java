package org.ucfront.directory.ldap.service;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.function.Consumer;
import org.ucfront.directory.ldap.model.DirectorySettings;
import org.ucfront.directory.ldap.model.DirectoryTrust;
import org.ucfront.sip.AddressOfRecord;

/**
 * Reads SIP users from the directory with the UnboundID LDAP SDK: one connection per run, TLS
 * (ldaps or StartTLS, RFC 4513 §3) verified against the configured CA file (or the JVM's trust
 * store) and the host name,
 * a simple bind, and a paged subtree search (RFC 2696). Every value placed in a filter is
 * escaped by the SDK's filter constructors (RFC 4515 §3).
 */
final class DirectoryReader {

    private final DirectorySettings settings;

    DirectoryReader(DirectorySettings settings) {
        this.settings = settings;
    }

    /** All users the configured filter matches, or those changed since {@code marker} when it is set. */
    void read(String marker, Consumer<SearchResultEntry> each) throws LDAPException {
        Filter filter = Filter.create(settings.filter());
        if (marker != null) {
            filter = Filter.createANDFilter(filter,
                    Filter.createGreaterOrEqualFilter(settings.mapping().changed(), marker));
        }
        search(filter, each);
    }

    /** The user with this address (either form of the SIP attribute's value). */
    void readUser(AddressOfRecord aor, Consumer<SearchResultEntry> each) throws LDAPException {
        String sip = settings.mapping().sip();
        search(Filter.createANDFilter(Filter.create(settings.filter()), forUser(sip, aor.toString())), each);
    }

    /** {@code (|(sip=sip:<aor>)(sip=<aor>))}, the value escaped: a '*' or ')' in it matches only itself. */
    static Filter forUser(String attribute, String aor) {
        return Filter.createORFilter(Filter.createEqualityFilter(attribute, "sip:" + aor),
                Filter.createEqualityFilter(attribute, aor));
    }

    private void search(Filter filter, Consumer<SearchResultEntry> each) throws LDAPException {
        try (LDAPConnection c = connect()) {
            SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB, filter,
                    settings.mapping().requested());
            ASN1OctetString cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(settings.pageSize(), cookie, true));
                SearchResult result = c.search(request);
                result.getSearchEntries().forEach(each);
                SimplePagedResultsControl page = SimplePagedResultsControl.get(result);
                cookie = page == null ? null : page.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
        }
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.timeoutSeconds() * 1000);
        options.setResponseTimeoutMillis(settings.timeoutSeconds() * 1000L);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        String host = settings.url().getHost();
        int port = settings.url().getPort();
        LDAPConnection c;
        try {
            SSLUtil ssl = settings.secure() ? new SSLUtil(DirectoryTrust.managers(settings.caFile())) : null;
            if ("ldaps".equals(settings.url().getScheme())) {
                c = new LDAPConnection(ssl.createSSLSocketFactory(), options, host, port);
            } else {
                c = new LDAPConnection(options, host, port);
                if (settings.startTls()) {
                    startTls(c, ssl);
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS setup failed: " + e.getMessage(), e);
        }
        if (settings.bindDn() != null) {
            try {
                c.bind(settings.bindDn(), settings.bindPassword());
            } catch (LDAPException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** RFC 4511 §4.14: the connection is closed unless TLS is in place (no fallback to plain text). */
    private static void startTls(LDAPConnection c, SSLUtil ssl) throws LDAPException, GeneralSecurityException {
        try {
            ExtendedResult r = c.processExtendedOperation(new StartTLSExtendedRequest(ssl.createSSLContext()));
            if (r.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(r.getResultCode(), "StartTLS refused: " + r.getDiagnosticMessage());
            }
        } catch (LDAPException | GeneralSecurityException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
