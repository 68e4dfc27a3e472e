package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.ProvisionGroupList.element;

import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.w3c.dom.Element;

/**
 * §2.2.2.5.1 ServerConfiguration: flat elements of server-wide URLs and media settings, plus the
 * user's own focus factory and voice mail URIs.
 */
public final class ServerConfiguration implements ProvisionGroup {

    public static final String NAME = "ServerConfiguration";
    /** MS-SIPRE 2.2.3 / DIGEST §3: the user's voice mail URI parameter. */
    public static final String VOICEMAIL_OPAQUE = ";opaque=app:voicemail";
    /** The user's conferencing focus factory (MS-CONFBAS: app:conf:focusfactory on the GRUU form). */
    public static final String FOCUS_FACTORY_OPAQUE = ";gruu;opaque=app:conf:focusfactory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Element g, ProvisioningContext context) {
        ProvisioningSettings s = context.settings();
        element(g, "absInternalServerUrl", s.absInternalServerUrl());
        element(g, "absExternalServerUrl", s.absExternalServerUrl());
        element(g, "dlxInternalUrl", s.dlxInternalUrl());
        element(g, "dlxExternalUrl", s.dlxExternalUrl());
        element(g, "dlxEnabled", Boolean.toString(s.dlxInternalUrl() != null || s.dlxExternalUrl() != null));
        element(g, "lisInternalUrl", s.lisInternalUrl());
        element(g, "organization", s.organization());
        element(g, "helpdeskInternalUrl", s.helpdeskInternalUrl());
        element(g, "helpdeskExternalUrl", s.helpdeskExternalUrl());
        element(g, "ucPortRangeEnabled", Boolean.toString(s.portRangeEnabled()));
        if (s.portRangeEnabled()) {
            element(g, "ucMinMediaPort", Integer.toString(s.minMediaPort()));
            element(g, "ucMaxMediaPort", Integer.toString(s.maxMediaPort()));
        }
        element(g, "ucPC2PCAVEncryption", s.pc2pcAvEncryption());
        element(g, "ucMaxVideoRateAllowed", s.maxVideoRateAllowed());
        element(g, "ucEnableSIPSecurityMode", s.sipSecurityMode());
        element(g, "mrasUri", s.mrasUri());
        element(g, "qosUri", s.qosUri());
        element(g, "ucLocationProfile", s.locationProfile());
        if (context.user() != null) { // a trusted server entity asks for itself: no user values
            String user = context.user().toSipUri();
            element(g, "focusFactoryUri", user + FOCUS_FACTORY_OPAQUE);
            element(g, "voiceMailUri", user + VOICEMAIL_OPAQUE);
        }
    }
}
