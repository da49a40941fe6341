-- The inbound webhook secret of each connection (whsec_..., sealed with AES-GCM like the source credentials):
-- inbound webhooks POSTed to /inbound/{connection_id} must be signed with it. A reauthorization replaces it.
CREATE TABLE mw_inbound_secret (
    connection_id VARCHAR(64) NOT NULL PRIMARY KEY,
    secret        VARCHAR     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
