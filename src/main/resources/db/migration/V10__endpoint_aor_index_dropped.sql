-- Endpoints are read back all at once at start (EndpointStore.loadAll) and never by address of
-- record: the index only cost every write-behind insert a second random B-tree update.
DROP INDEX sip_endpoint_aor;
