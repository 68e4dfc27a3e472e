package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.PolicyProperties.BOOL;
import static org.ucfront.provisioning.model.groups.PolicyProperties.LONG_TEXT;
import static org.ucfront.provisioning.model.groups.PolicyProperties.SHORT_TEXT;

import java.util.List;
import java.util.Set;
import org.ucfront.provisioning.model.ValueDomain;

/**
 * §2.2.2.5.7 locationPolicy: the user's E9-1-1 location policy as a propertyEntryList.
 * Defaults are Lync's global location policy (enhanced emergency services off).
 */
public final class LocationPolicy extends DeclaredPolicyGroup {

    /** §2.2.2.5: the group's name attribute. */
    public static final String NAME = "locationPolicy";
    /** The admin API's kind for location policies. */
    public static final String KIND = "location";

    /** §2.2.2.5.7 LocationRequired. */
    public static final Set<String> LOCATION_REQUIRED = Set.of("yes", "no", "disclaimer");
    /** §2.2.2.5.7 ConferenceMode. */
    public static final Set<String> CONFERENCE_MODES = Set.of("oneway", "twoway");

    private static final ValueDomain SIP_URI = new ValueDomain.SipUri();

    private static final List<Property> PROPERTIES = List.of(
            new Property("EnhancedEmergencyServicesEnabled", BOOL, "false"),
            new Property("LocationPolicyTagID", SHORT_TEXT, null),
            new Property("LocationRequired", new ValueDomain.OneOf(LOCATION_REQUIRED), "no"),
            new Property("UseLocationForE911Only", BOOL, "false"),
            // "Ignored" by clients; served only when an administrator sets it
            new Property("PstnUsage", SHORT_TEXT, null),
            // a dial string or a URI, so free text
            new Property("EmergencyDialString", SHORT_TEXT, "911"),
            new Property("EmergencyDialMask", SHORT_TEXT, null),
            // <132>: Skype for Business 2015 CU3 and later; takes precedence over EmergencyDialString
            new Property("EmergencyNumbers", SHORT_TEXT, null),
            // one SIP URI or a comma-separated list of them; the SipUri domain admits commas
            new Property("NotificationUri", SIP_URI, null),
            new Property("ConferenceUri", SIP_URI, null),
            new Property("ConferenceMode", new ValueDomain.OneOf(CONFERENCE_MODES), null),
            new Property("EmergencyServiceDisclaimer", LONG_TEXT, null),
            // hours; Lync accepts 1 to 12
            new Property("LocationRefreshInterval", new ValueDomain.Range(1, 12), "4"));

    public LocationPolicy() {
        super(NAME, KIND, PROPERTIES, Shape.ENTRY_LIST);
    }
}
