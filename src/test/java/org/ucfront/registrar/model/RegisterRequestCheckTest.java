package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;

import java.util.Optional;
import java.util.Set;

import org.junit.Test;

public class RegisterRequestCheckTest {
    /** §4.1.1 REGISTER values. */
    private static final String EPID = "492a7ce35f";
    private static final SipInstance INSTANCE =
            SipInstance.parse("\"<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>\"");
    private static final Set<String> SUPPORTED = Set.of("gruu-10", "adhoclist", "msrtc-event-categories",
            "ms-cluster-failover", "ms-userservices-state-notification");

    private static Optional<RegisterError> err(RegisterError e) {
        return Optional.of(e);
    }

    @Test
    public void section411RequestPasses() {
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, "registration", SUPPORTED));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, "registration", SUPPORTED, false));
    }

    @Test
    public void eventMayBeAbsentOrVaryInCaseAndParameters() {
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, null, SUPPORTED));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, "Registration", SUPPORTED));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, " registration ;id=7", SUPPORTED));
    }

    @Test
    public void otherEventIs489() {
        for (String event : new String[] {"presence", "registration-notify", "registrations", "", ";registration"}) {
            assertEquals(event, err(RegisterError.BAD_EVENT),
                    RegisterRequestCheck.check(EPID, INSTANCE, event, SUPPORTED));
        }
    }

    @Test
    public void missingBothIdentifiersIs400() {
        assertEquals(err(RegisterError.MISSING_ENDPOINT_ID), RegisterRequestCheck.check(null, null, null, SUPPORTED));
        assertEquals(err(RegisterError.MISSING_ENDPOINT_ID), RegisterRequestCheck.check(" ", null, null, SUPPORTED));
    }

    @Test
    public void eitherIdentifierIsEnough() {
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, null, null, SUPPORTED));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(null, INSTANCE, null, SUPPORTED));
    }

    @Test
    public void eventCategoriesWithoutGruuIs421() {
        assertEquals(err(RegisterError.GRUU_REQUIRED),
                RegisterRequestCheck.check(EPID, INSTANCE, null, Set.of("msrtc-event-categories", "adhoclist")));
        assertEquals(err(RegisterError.GRUU_REQUIRED),
                RegisterRequestCheck.check(EPID, INSTANCE, null, Set.of("MSRTC-Event-Categories")));
        assertEquals(Optional.empty(),
                RegisterRequestCheck.check(EPID, INSTANCE, null, Set.of("MSRTC-Event-Categories", "GRUU-10")));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, null, Set.of("adhoclist")));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, null, null));
    }

    @Test
    public void presenceDownWithoutSurvivableSupportIs503() {
        assertEquals(err(RegisterError.USER_SERVICES_UNAVAILABLE),
                RegisterRequestCheck.check(EPID, INSTANCE, null, Set.of("gruu-10"), false));
        assertEquals(Optional.empty(), RegisterRequestCheck.check(EPID, INSTANCE, null,
                Set.of("gruu-10", "MS-USERSERVICES-STATE-NOTIFICATION"), false));
    }

    @Test
    public void checksRunInTheDocumentedOrder() {
        Set<String> noGruu = Set.of("msrtc-event-categories");
        assertEquals(err(RegisterError.BAD_EVENT), RegisterRequestCheck.check(null, null, "presence", noGruu, false));
        assertEquals(err(RegisterError.MISSING_ENDPOINT_ID), RegisterRequestCheck.check(null, null, null, noGruu, false));
        assertEquals(err(RegisterError.GRUU_REQUIRED), RegisterRequestCheck.check(EPID, null, null, noGruu, false));
    }
}
