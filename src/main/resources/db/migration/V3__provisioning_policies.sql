-- Administered provisioning policies (MS-SIPREGE §2.2.2.5 groups) and their assignment to users.
CREATE TABLE provisioning_policy (
    id             VARCHAR(140)   NOT NULL PRIMARY KEY,  -- kind + '/' + name
    kind           VARCHAR(64)    NOT NULL,
    name           VARCHAR(64)    NOT NULL,
    policy_values  VARCHAR(20000) NOT NULL,              -- JSON object: property name -> value
    updated_at     TIMESTAMP      NOT NULL
);

CREATE TABLE policy_assignment (
    id           VARCHAR(330) NOT NULL PRIMARY KEY,      -- user + ' ' + kind
    user_uri     VARCHAR(255) NOT NULL,
    kind         VARCHAR(64)  NOT NULL,
    policy_name  VARCHAR(64)  NOT NULL
);

CREATE INDEX policy_assignment_user ON policy_assignment (user_uri);
