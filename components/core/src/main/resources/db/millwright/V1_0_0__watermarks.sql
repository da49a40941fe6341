-- Incremental cursors: one row per (connection, entity). The boundary holds the (remote id, version) pairs
-- already committed at exactly the watermark, as a JSON array of [remote_id, version] pairs.
CREATE TABLE mw_watermark (
    connection_id VARCHAR(200) NOT NULL,
    entity        VARCHAR(200) NOT NULL,
    watermark     TIMESTAMP WITH TIME ZONE NOT NULL,
    boundary      TEXT NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connection_id, entity)
);
