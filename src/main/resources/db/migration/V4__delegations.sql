-- Delegations (MS-SIPREGE §2.2.2.1): a delegate may act for a delegator, e.g. read their provisioning.
CREATE TABLE delegation (
    id             VARCHAR(520) NOT NULL PRIMARY KEY,  -- delegator + ' ' + delegate
    delegator_uri  VARCHAR(255) NOT NULL,
    delegate_uri   VARCHAR(255) NOT NULL
);

CREATE INDEX delegation_delegator ON delegation (delegator_uri);
