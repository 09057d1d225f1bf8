-- Times are BIGINT microseconds since the Unix epoch, UTC, in both dialects,
-- so one SQL text serves both engines and comparisons are exact.

-- +goose Up
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    email       TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL
);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL DEFAULT '',
    prefix        TEXT    NOT NULL,
    secret_hash   TEXT    NOT NULL UNIQUE,
    created_at    BIGINT  NOT NULL,
    last_used_at  BIGINT,
    expires_at    BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE shipments (
    id               INTEGER PRIMARY KEY,
    user_id          BIGINT  REFERENCES users(id) ON DELETE CASCADE,
    number           TEXT    NOT NULL,
    carrier          TEXT    NOT NULL DEFAULT '',
    title            TEXT    NOT NULL DEFAULT '',
    origin           TEXT    NOT NULL DEFAULT '',
    destination      TEXT    NOT NULL DEFAULT '',
    order_date       BIGINT,
    protection_days  INTEGER NOT NULL DEFAULT 0,
    milestone        TEXT    NOT NULL DEFAULT '',
    exception        TEXT    NOT NULL DEFAULT '',
    sub_status       TEXT    NOT NULL DEFAULT '',
    expired          BOOLEAN NOT NULL DEFAULT FALSE,
    status           TEXT    NOT NULL DEFAULT 'NotFound',
    last_event_at    BIGINT,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX shipments_user ON shipments(user_id);
CREATE INDEX shipments_number ON shipments(number);

CREATE TABLE legs (
    id           INTEGER PRIMARY KEY,
    shipment_id  BIGINT  NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    carrier      TEXT    NOT NULL DEFAULT '',
    number       TEXT    NOT NULL,
    role         TEXT    NOT NULL DEFAULT 'unknown',
    source       TEXT    NOT NULL DEFAULT 'user',
    created_at   BIGINT  NOT NULL,
    UNIQUE (shipment_id, carrier, number)
);
CREATE INDEX legs_number ON legs(number);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    shipment_id  BIGINT  NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    leg_id       BIGINT  REFERENCES legs(id) ON DELETE SET NULL,
    carrier      TEXT    NOT NULL DEFAULT '',
    number       TEXT    NOT NULL DEFAULT '',
    occurred_at  BIGINT  NOT NULL,
    utc_offset   INTEGER NOT NULL DEFAULT 0,
    location     TEXT    NOT NULL DEFAULT '',
    country      TEXT    NOT NULL DEFAULT '',
    raw_code     TEXT    NOT NULL DEFAULT '',
    raw_text     TEXT    NOT NULL DEFAULT '',
    language     TEXT    NOT NULL DEFAULT '',
    raw          TEXT,
    milestone    TEXT    NOT NULL DEFAULT 'unknown',
    exception    TEXT    NOT NULL DEFAULT '',
    sub_status   TEXT    NOT NULL DEFAULT '',
    confidence   REAL    NOT NULL DEFAULT 0,
    rule         TEXT    NOT NULL DEFAULT '',
    fingerprint  TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    -- Also serves listing a shipment's events: they are few, sorted in memory.
    UNIQUE (shipment_id, fingerprint)
);

CREATE TABLE subscriptions (
    id           INTEGER PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    shipment_id  BIGINT  REFERENCES shipments(id) ON DELETE CASCADE,
    channel      TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    secret       TEXT    NOT NULL DEFAULT '',
    topics       TEXT    NOT NULL DEFAULT '',
    created_at   BIGINT  NOT NULL
);
CREATE INDEX subscriptions_user ON subscriptions(user_id);
CREATE INDEX subscriptions_shipment ON subscriptions(shipment_id);

CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY,
    subscription_id   BIGINT  REFERENCES subscriptions(id) ON DELETE CASCADE,
    shipment_id       BIGINT  REFERENCES shipments(id) ON DELETE CASCADE,
    topic             TEXT    NOT NULL,
    payload           TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL,
    available_at      BIGINT  NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT    NOT NULL DEFAULT '',
    lease_owner       TEXT,
    lease_expires_at  BIGINT,
    delivered_at      BIGINT
);
CREATE INDEX outbox_pending ON outbox(available_at) WHERE delivered_at IS NULL;

CREATE TABLE poll_schedule (
    leg_id                BIGINT  PRIMARY KEY REFERENCES legs(id) ON DELETE CASCADE,
    next_poll_at          BIGINT  NOT NULL,
    lease_owner           TEXT,
    lease_expires_at      BIGINT,
    consecutive_failures  INTEGER NOT NULL DEFAULT 0,
    last_polled_at        BIGINT,
    last_error            TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX poll_schedule_due ON poll_schedule(next_poll_at);

-- +goose Down
DROP TABLE poll_schedule;
DROP TABLE outbox;
DROP TABLE subscriptions;
DROP TABLE events;
DROP TABLE legs;
DROP TABLE shipments;
DROP TABLE api_tokens;
DROP TABLE users;
