package org.ucfront.provisioning.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ucfront.provisioning.model.groups.EndpointConfiguration;
import org.ucfront.provisioning.model.groups.LocationPolicy;
import org.ucfront.provisioning.model.groups.MediaConfiguration;
import org.ucfront.provisioning.model.groups.MeetingPolicy;
import org.ucfront.provisioning.model.groups.PersistentChatConfiguration;
import org.ucfront.provisioning.model.groups.PresencePolicyV2;
import org.ucfront.provisioning.model.groups.PrivacyPublicationGrammar;
import org.ucfront.provisioning.model.groups.PublicProviders;
import org.ucfront.provisioning.model.groups.PublicationGrammar;
import org.ucfront.provisioning.model.groups.ServerConfiguration;
import org.ucfront.provisioning.model.groups.UcPolicy;
import org.ucfront.provisioning.model.groups.UserSetting;

/** The groups ucfront serves, by name; requested names it does not serve are skipped (DIGEST §3). */
public final class ProvisionGroups {

    private final Map<String, ProvisionGroup> byName = new LinkedHashMap<>();

    public ProvisionGroups(List<ProvisionGroup> groups) {
        for (ProvisionGroup g : groups) {
            byName.put(g.name(), g);
        }
    }

    public static ProvisionGroups standard() {
        return new ProvisionGroups(List.of(new ServerConfiguration(), new PersistentChatConfiguration(),
                new MeetingPolicy(), new UcPolicy(), new EndpointConfiguration(), new LocationPolicy(),
                new MediaConfiguration(), new PresencePolicyV2(),
                new PublicationGrammar(), new PrivacyPublicationGrammar(), new UserSetting(), new PublicProviders()));
    }

    /** The groups whose values come from administered policy, by policy kind (admin API). */
    public Map<String, PolicyGroup> policyGroups() {
        Map<String, PolicyGroup> kinds = new LinkedHashMap<>();
        for (ProvisionGroup g : byName.values()) {
            if (g instanceof PolicyGroup p) {
                kinds.put(p.policyKind(), p);
            }
        }
        return kinds;
    }

    /** The served groups among those requested, in the order requested, each once. */
    public List<ProvisionGroup> select(List<String> requested) {
        List<ProvisionGroup> out = new ArrayList<>();
        for (String name : requested) {
            ProvisionGroup g = byName.get(name);
            if (g != null && !out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }
}
