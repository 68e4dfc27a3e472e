-- Users and their SIP endpoints (MS-SIPREGE §3.1.2.1 abstract data model).
CREATE TABLE sip_user (
    uri           VARCHAR(255) NOT NULL PRIMARY KEY,  -- user@host, lower case, no scheme
    display_name  VARCHAR(255),
    enabled       BOOLEAN      NOT NULL,
    ha1_md5       VARCHAR(32),                        -- H(user:realm:password), never the password
    ha1_sha256    VARCHAR(64),
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL
);

CREATE TABLE sip_endpoint (
    id              VARCHAR(600) NOT NULL PRIMARY KEY, -- aor + ' ' + endpoint key
    aor             VARCHAR(255) NOT NULL,
    endpoint_key    VARCHAR(300) NOT NULL,             -- sip.instance (lower case) or epid
    epid            VARCHAR(64),
    sip_instance    VARCHAR(300),
    gruu            VARCHAR(400) NOT NULL,
    routable        BOOLEAN      NOT NULL,
    contact         VARCHAR(2000),
    expires_at      BIGINT       NOT NULL,             -- epoch millis; 0 when not routable
    transport       VARCHAR(8),
    remote_addr     VARCHAR(64),
    remote_port     INTEGER      NOT NULL,
    call_id         VARCHAR(255),
    cseq            BIGINT       NOT NULL,
    client_tag      VARCHAR(128),
    registrar_tag   VARCHAR(128),
    notify_cseq     BIGINT       NOT NULL,
    user_agent      VARCHAR(512),
    device_mac      VARCHAR(32),
    device_vendor   VARCHAR(128),
    device_version  VARCHAR(128),
    subnet          VARCHAR(16),
    survivable      BOOLEAN      NOT NULL,
    first_registered_at BIGINT   NOT NULL,
    updated_at      BIGINT       NOT NULL
);

CREATE INDEX sip_endpoint_aor ON sip_endpoint (aor);
