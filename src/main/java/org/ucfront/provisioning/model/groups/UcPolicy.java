package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.PolicyProperties.BOOL;

import java.util.List;
import java.util.Set;
import org.ucfront.provisioning.model.ValueDomain;

/**
 * §2.2.2.5.3 ucPolicy: the user's voice policy as {@code instance/property}. Defaults are Lync's
 * global voice policy. Not declared: {@code Name} ("optional, ignored"; a policy's name is its
 * identity, not one of its values) and {@code PhoneRouteUsages} (optional, ignored, and a list
 * of {@code element} children the fragment's text-only {@code property} cannot hold).
 */
public final class UcPolicy extends DeclaredPolicyGroup {

    /** §2.2.2.5: the group's name attribute. */
    public static final String NAME = "ucPolicy";
    /** The admin API's kind for voice (unified communications) policies. */
    public static final String KIND = "uc";

    /** §2.2.2.5.3 VoiceDeploymentMode. */
    public static final Set<String> VOICE_DEPLOYMENT_MODES = Set.of("OnPrem", "Online", "OnlineBasic", "OnPremOnlineHybrid");

    private static final List<Property> PROPERTIES = List.of(
            new Property("AllowSimultaneousRinging", BOOL, "true"),
            new Property("AllowCallForwarding", BOOL, "true"),
            new Property("enableBWPolicyOverride", BOOL, "false"),
            new Property("EnableCallPark", BOOL, "false"),
            new Property("EnableCallTransfer", BOOL, "true"),
            new Property("EnableDelegation", BOOL, "true"),
            new Property("EnableMaliciousCallTrace", BOOL, "false"),
            new Property("EnableTeamCall", BOOL, "true"),
            // <102>: "Ignored" by clients; served only when an administrator sets it
            new Property("UcEnabled", BOOL, null),
            // ucfront is an on-premises server
            new Property("VoiceDeploymentMode", new ValueDomain.OneOf(VOICE_DEPLOYMENT_MODES), "OnPrem"));

    public UcPolicy() {
        super(NAME, KIND, PROPERTIES, Shape.INSTANCE);
    }
}
