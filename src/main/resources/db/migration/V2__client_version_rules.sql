-- Client version control rules (MS-SIPREGE §3.4.2.5), edited through the admin API.
CREATE TABLE client_version_rule (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY, -- assigned by the application (UUID string)
    product         VARCHAR(64)   NOT NULL,             -- User-Agent product token, e.g. OC
    comparison      VARCHAR(2)    NOT NULL,             -- eq, ne, gt, ge, lt, le
    client_version  VARCHAR(64)   NOT NULL,             -- Major.Minor.Build.Qfe (§3.4.1.5.1)
    rule_action     VARCHAR(32)   NOT NULL,             -- allow, block-with-prompt, ... (§3.4.2.5.2-9)
    url             VARCHAR(1024),                      -- the action's static or dynamic URL
    priority        INTEGER       NOT NULL,             -- enabled rules are tried lowest first
    enabled         BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,             -- orders rules of equal priority
    updated_at      TIMESTAMP     NOT NULL
);

CREATE INDEX client_version_rule_order ON client_version_rule (priority, created_at);
