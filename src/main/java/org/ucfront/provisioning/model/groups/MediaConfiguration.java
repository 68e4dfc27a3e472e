package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.PolicyProperties.BOOL;

import java.util.List;
import java.util.Set;
import org.ucfront.provisioning.model.ValueDomain;

/**
 * §2.2.2.5.8 mediaConfiguration: media bypass settings as a propertyEntryList. Defaults are
 * Lync's: bypass disabled, both modes Off.
 */
public final class MediaConfiguration extends DeclaredPolicyGroup {

    /** §2.2.2.5: the group's name attribute. */
    public static final String NAME = "mediaConfiguration";
    /** The admin API's kind for media configuration. */
    public static final String KIND = "media";

    /**
     * internalBypassMode and externalBypassMode: §2.2.2.5.8 lists no values; §4.2.2 shows "Any"
     * and "Off", and Lync's media bypass configuration also has "ICE".
     */
    public static final Set<String> BYPASS_MODES = Set.of("Off", "ICE", "Any");

    private static final ValueDomain MODE = new ValueDomain.OneOf(BYPASS_MODES);

    private static final List<Property> PROPERTIES = List.of(
            new Property("bypassEnabled", BOOL, "false"),
            new Property("internalBypassMode", MODE, "Off"),
            new Property("externalBypassMode", MODE, "Off"),
            // a GUID that Lync generates when bypass is enabled: no default
            new Property("bypassId", new ValueDomain.Text(64), null));

    public MediaConfiguration() {
        super(NAME, KIND, PROPERTIES, Shape.ENTRY_LIST);
    }
}
