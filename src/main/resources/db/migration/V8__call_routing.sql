-- Call routing (issue 5): per-user call settings, and the Exchange UM dial plans and servers
-- (MS-EUMR §3.1.1: the dial plans, their UM servers, and each UM-enabled user's dial plan).
CREATE TABLE call_settings (
    user_uri               VARCHAR(255) NOT NULL PRIMARY KEY,
    ring_seconds           INT NOT NULL,                 -- ring time before voicemail
    forward_uri            VARCHAR(1024),                -- immediate forward
    simultaneous_ring_uri  VARCHAR(1024),
    team_members           VARCHAR(4000),                -- team/delegate ring members, ' '-separated
    dial_plan              VARCHAR(255),                 -- null: not UM-enabled
    eum_proxy_address      VARCHAR(1024)                 -- MS-EUMR §2.2.3.1 EumProxyAddress
);

CREATE TABLE um_server (
    id          VARCHAR(520) NOT NULL PRIMARY KEY,       -- dial plan + ' ' + fqdn
    dial_plan   VARCHAR(255) NOT NULL,
    position    INT NOT NULL,                            -- administered order within the dial plan
    fqdn        VARCHAR(253) NOT NULL,
    version     INT NOT NULL,
    front_end   BOOLEAN NOT NULL,                        -- front end or front end array (§3.1.5 step 7)
    transport   VARCHAR(8),                              -- connection override (tests, labs): null = TLS
    address     VARCHAR(64),                             -- override: IP address to connect to
    port        INT                                      -- override: port to connect to
);

CREATE INDEX um_server_dial_plan ON um_server (dial_plan);
