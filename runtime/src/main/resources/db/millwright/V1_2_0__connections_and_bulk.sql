-- Connections: settings in clear, secret options sealed with AES-GCM, the API token only as its SHA-256 hash.
CREATE TABLE mw_connection (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    system          VARCHAR(100) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    status_reason   VARCHAR(2000),
    settings        VARCHAR      NOT NULL,
    secrets         VARCHAR      NOT NULL,
    schedules       VARCHAR      NOT NULL,
    custom_fields   VARCHAR      NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    suspended       BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    disconnected_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mw_connection_token UNIQUE (token_hash)
);

-- Keyset pagination of the data endpoints: by connection, entity and stable id.
CREATE INDEX mw_record_page ON mw_record (connection_id, entity, id);

-- Bulk write jobs and their items, processed in the background in batches; they survive a restart.
CREATE TABLE mw_bulk_job (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    connection_id  VARCHAR(64)  NOT NULL,
    entity         VARCHAR(100) NOT NULL,
    state          VARCHAR(20)  NOT NULL,
    total          INTEGER      NOT NULL,
    processed      INTEGER      NOT NULL,
    succeeded      INTEGER      NOT NULL,
    failed         INTEGER      NOT NULL,
    batch_size     INTEGER      NOT NULL,
    batch_delay_ms BIGINT       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    error          VARCHAR(2000)
);
CREATE INDEX mw_bulk_job_state ON mw_bulk_job (state);

CREATE TABLE mw_bulk_item (
    job_id        VARCHAR(40)  NOT NULL,
    position      INTEGER      NOT NULL,
    operation     VARCHAR(10)  NOT NULL,
    payload       VARCHAR      NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    record_id     VARCHAR(36),
    remote_id     VARCHAR(500),
    error_code    VARCHAR(100),
    error_message VARCHAR(4000),
    error_fields  VARCHAR,
    PRIMARY KEY (job_id, position)
);
