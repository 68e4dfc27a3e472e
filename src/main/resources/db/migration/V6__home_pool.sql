-- A user's home pool (MS-SIPREGE §3.1.2.1 Primary-Cluster-Type, Is-Connected-to-Primary).
-- Null: the user is homed on this server's pool (ucfront.pool.fqdn) with its cluster type.
ALTER TABLE sip_user ADD COLUMN home_pool VARCHAR(253);
ALTER TABLE sip_user ADD COLUMN primary_cluster_type VARCHAR(8);  -- 'central' or 'remote'
