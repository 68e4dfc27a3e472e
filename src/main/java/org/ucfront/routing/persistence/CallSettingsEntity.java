package org.ucfront.routing.persistence;

import java.util.Arrays;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.ucfront.routing.model.CallSettings;

/** A user's administered call settings. */
@Entity
@Table(name = "call_settings")
public class CallSettingsEntity {

    @Id
    @Column(name = "user_uri")
    private String userUri;
    @Column(name = "ring_seconds", nullable = false)
    private int ringSeconds;
    @Column(name = "forward_uri")
    private String forwardUri;
    @Column(name = "simultaneous_ring_uri")
    private String simultaneousRingUri;
    @Column(name = "team_members")
    private String teamMembers;
    @Column(name = "dial_plan")
    private String dialPlan;
    @Column(name = "eum_proxy_address")
    private String eumProxyAddress;

    protected CallSettingsEntity() {
    }

    public CallSettingsEntity(CallSettings s) {
        userUri = s.user();
        copy(s);
    }

    void copy(CallSettings s) {
        ringSeconds = s.ringSeconds();
        forwardUri = s.forwardUri();
        simultaneousRingUri = s.simultaneousRingUri();
        teamMembers = s.teamMembers().isEmpty() ? null : String.join(" ", s.teamMembers());
        dialPlan = s.dialPlan();
        eumProxyAddress = s.eumProxyAddress();
    }

    CallSettings toSettings() {
        List<String> team = teamMembers == null || teamMembers.isBlank() ? List.of()
                : Arrays.asList(teamMembers.trim().split(" +"));
        return new CallSettings(userUri, ringSeconds, forwardUri, simultaneousRingUri, team, dialPlan, eumProxyAddress);
    }
}
