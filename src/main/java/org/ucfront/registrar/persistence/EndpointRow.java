package org.ucfront.registrar.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.ucfront.registrar.model.Binding;
import org.ucfront.registrar.model.DeviceInfo;
import org.ucfront.registrar.model.Endpoint;

/**
 * An endpoint as a row of {@code sip_endpoint} (V1__registrar.sql): the column order that
 * {@link EndpointStore}'s statements bind and read.
 */
final class EndpointRow {

    /** Every column, the key first. */
    static final List<String> COLUMNS = List.of("id", "aor", "endpoint_key", "epid", "sip_instance", "gruu",
            "routable", "contact", "expires_at", "transport", "remote_addr", "remote_port", "call_id", "cseq",
            "client_tag", "registrar_tag", "notify_cseq", "user_agent", "device_mac", "device_vendor",
            "device_version", "subnet", "survivable", "first_registered_at", "updated_at");

    private EndpointRow() {
    }

    /** Binds every column of {@code e}, in {@link #COLUMNS} order, from parameter 1. */
    static void bind(PreparedStatement s, Endpoint e) throws SQLException {
        Binding b = e.binding();
        DeviceInfo d = e.device();
        int i = 0;
        s.setString(++i, e.id());
        s.setString(++i, e.aor());
        s.setString(++i, e.key());
        text(s, ++i, e.epid());
        text(s, ++i, e.instance());
        s.setString(++i, e.gruu());
        s.setBoolean(++i, b != null);
        text(s, ++i, b == null ? null : b.contact());
        s.setLong(++i, b == null ? 0 : b.expiresAt());
        text(s, ++i, b == null ? null : b.transport());
        text(s, ++i, b == null ? null : b.remoteAddr());
        s.setInt(++i, b == null ? 0 : b.remotePort());
        text(s, ++i, b == null ? null : b.callId());
        s.setLong(++i, b == null ? 0 : b.cseq());
        text(s, ++i, b == null ? null : b.clientTag());
        text(s, ++i, b == null ? null : b.registrarTag());
        s.setLong(++i, e.notifyCseq());
        text(s, ++i, e.userAgent());
        text(s, ++i, d == null ? null : d.mac());
        text(s, ++i, d == null ? null : d.vendor());
        text(s, ++i, d == null ? null : d.version());
        text(s, ++i, e.subnet());
        s.setBoolean(++i, e.survivable());
        s.setLong(++i, e.firstRegisteredAt());
        s.setLong(++i, e.updatedAt());
    }

    /** The endpoint of the current row of a SELECT of {@link #COLUMNS}. */
    static Endpoint read(ResultSet r) throws SQLException {
        Binding b = r.getBoolean("routable") ? new Binding(r.getString("contact"), r.getLong("expires_at"),
                r.getString("transport"), r.getString("remote_addr"), r.getInt("remote_port"), r.getString("call_id"),
                r.getLong("cseq"), r.getString("client_tag"), r.getString("registrar_tag")) : null;
        String mac = r.getString("device_mac");
        DeviceInfo d = mac == null ? null : DeviceInfo.of(mac, r.getString("device_vendor"),
                r.getString("device_version"));
        return new Endpoint(r.getString("id"), r.getString("aor"), r.getString("endpoint_key"), r.getString("epid"),
                r.getString("sip_instance"), r.getString("gruu"), b, r.getString("user_agent"), d,
                r.getString("subnet"), r.getBoolean("survivable"), r.getLong("first_registered_at"),
                r.getLong("notify_cseq"), r.getLong("updated_at"));
    }

    private static void text(PreparedStatement s, int i, String value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, value);
        }
    }
}
