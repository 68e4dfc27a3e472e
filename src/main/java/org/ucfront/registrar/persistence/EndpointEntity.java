package org.ucfront.registrar.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.ucfront.registrar.model.Binding;
import org.ucfront.registrar.model.DeviceInfo;
import org.ucfront.registrar.model.Endpoint;

/** A stored SIP endpoint with its binding, so endpoints and GRUUs survive a restart. */
@Entity
@Table(name = "sip_endpoint")
public class EndpointEntity {

    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "aor", nullable = false)
    private String aor;
    @Column(name = "endpoint_key", nullable = false)
    private String endpointKey;
    @Column(name = "epid")
    private String epid;
    @Column(name = "sip_instance")
    private String sipInstance;
    @Column(name = "gruu", nullable = false)
    private String gruu;
    @Column(name = "routable", nullable = false)
    private boolean routable;
    @Column(name = "contact")
    private String contact;
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;
    @Column(name = "transport")
    private String transport;
    @Column(name = "remote_addr")
    private String remoteAddr;
    @Column(name = "remote_port", nullable = false)
    private int remotePort;
    @Column(name = "call_id")
    private String callId;
    @Column(name = "cseq", nullable = false)
    private long cseq;
    @Column(name = "client_tag")
    private String clientTag;
    @Column(name = "registrar_tag")
    private String registrarTag;
    @Column(name = "notify_cseq", nullable = false)
    private long notifyCseq;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "device_mac")
    private String deviceMac;
    @Column(name = "device_vendor")
    private String deviceVendor;
    @Column(name = "device_version")
    private String deviceVersion;
    @Column(name = "subnet")
    private String subnet;

    String id() {
        return id;
    }
    @Column(name = "survivable", nullable = false)
    private boolean survivable;
    @Column(name = "first_registered_at", nullable = false)
    private long firstRegisteredAt;
    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected EndpointEntity() {
    }

    public EndpointEntity(Endpoint e) {
        this.id = e.id();
        copy(e);
    }

    /** Overwrites every column with the endpoint's current state. */
    public final void copy(Endpoint e) {
        aor = e.aor();
        endpointKey = e.key();
        epid = e.epid();
        sipInstance = e.instance();
        gruu = e.gruu();
        Binding b = e.binding();
        routable = b != null;
        contact = b == null ? null : b.contact();
        expiresAt = b == null ? 0 : b.expiresAt();
        transport = b == null ? null : b.transport();
        remoteAddr = b == null ? null : b.remoteAddr();
        remotePort = b == null ? 0 : b.remotePort();
        callId = b == null ? null : b.callId();
        cseq = b == null ? 0 : b.cseq();
        clientTag = b == null ? null : b.clientTag();
        registrarTag = b == null ? null : b.registrarTag();
        notifyCseq = e.notifyCseq();
        userAgent = e.userAgent();
        DeviceInfo d = e.device();
        deviceMac = d == null ? null : d.mac();
        deviceVendor = d == null ? null : d.vendor();
        deviceVersion = d == null ? null : d.version();
        subnet = e.subnet();
        survivable = e.survivable();
        firstRegisteredAt = e.firstRegisteredAt();
        updatedAt = e.updatedAt();
    }

    public Endpoint toEndpoint() {
        Binding b = routable ? new Binding(contact, expiresAt, transport, remoteAddr, remotePort, callId, cseq,
                clientTag, registrarTag) : null;
        DeviceInfo d = deviceMac == null ? null : DeviceInfo.of(deviceMac, deviceVendor, deviceVersion);
        return new Endpoint(aor, endpointKey, epid, sipInstance, gruu, b, userAgent, d, subnet, survivable,
                firstRegisteredAt, notifyCseq, updatedAt);
    }
}
