-- The newest version of each record an inbound webhook announced and the inbox worker acted on: a notification
-- that is not newer than this (a late or reordered delivery) triggers nothing.
CREATE TABLE mw_inbound_version (
    connection_id VARCHAR(200) NOT NULL,
    entity        VARCHAR(100) NOT NULL,
    remote_id     VARCHAR(500) NOT NULL,
    version       VARCHAR(200),
    changed_at    TIMESTAMP WITH TIME ZONE,
    webhook_id    VARCHAR(200) NOT NULL,
    processed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mw_inbound_version_pk PRIMARY KEY (connection_id, entity, remote_id)
);
