package org.ucfront.voicemail.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.ucfront.voicemail.model.UmServer;

/** A UM server of a dial plan (MS-EUMR §3.1.1), with its connection override. */
@Entity
@Table(name = "um_server")
public class UmServerEntity {

    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "dial_plan", nullable = false)
    private String dialPlan;
    @Column(name = "position", nullable = false)
    private int position;
    @Column(name = "fqdn", nullable = false)
    private String fqdn;
    @Column(name = "version", nullable = false)
    private int version;
    @Column(name = "front_end", nullable = false)
    private boolean frontEnd;
    @Column(name = "transport")
    private String transport;
    @Column(name = "address")
    private String address;
    @Column(name = "port")
    private Integer port;

    protected UmServerEntity() {
    }

    UmServerEntity(String dialPlan, int position, UmServer s) {
        this.id = dialPlan + " " + s.fqdn();
        this.dialPlan = dialPlan;
        this.position = position;
        this.fqdn = s.fqdn();
        this.version = s.version();
        this.frontEnd = s.frontEnd();
        this.transport = s.transport();
        this.address = s.address();
        this.port = s.port();
    }

    String dialPlan() {
        return dialPlan;
    }

    UmServer toServer() {
        return new UmServer(fqdn, version, frontEnd, transport, address, port);
    }
}
