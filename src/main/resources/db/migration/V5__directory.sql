-- Enterprise directory (LDAP) synchronisation: where each user comes from and where it is homed.
ALTER TABLE sip_user ADD COLUMN source VARCHAR(16) DEFAULT 'local' NOT NULL; -- 'local' (admin API) or 'ldap'
ALTER TABLE sip_user ADD COLUMN home_server VARCHAR(512);                     -- directory's home server, as stored there
ALTER TABLE sip_user ADD COLUMN registrar VARCHAR(512);                       -- directory's home registrar (sip: URI)

-- The directory's change marker (modifyTimestamp / uSNChanged) reached by the last good sync:
-- the next incremental search asks only for entries changed since it. One row.
CREATE TABLE directory_sync_state (
    id              INTEGER      NOT NULL PRIMARY KEY,
    change_marker   VARCHAR(64),
    last_full_sync  TIMESTAMP,
    last_success    TIMESTAMP
);
