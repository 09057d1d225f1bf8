-- Completed shipments, imported or tracked, from which delivery windows are
-- learned. One column per milestone: BIGINT microseconds, NULL when unknown.

-- +goose Up
CREATE TABLE history (
    id                    TEXT   PRIMARY KEY,
    origin                TEXT   NOT NULL DEFAULT '',
    destination           TEXT   NOT NULL DEFAULT '',
    carrier               TEXT   NOT NULL DEFAULT '',
    label_created_at      BIGINT,
    picked_up_at          BIGINT,
    origin_facility_at    BIGINT,
    export_customs_at     BIGINT,
    departed_origin_at    BIGINT,
    in_transit_at         BIGINT,
    arrived_destination_at BIGINT,
    import_customs_at     BIGINT,
    customs_released_at   BIGINT,
    handed_to_last_mile_at BIGINT,
    destination_facility_at BIGINT,
    out_for_delivery_at   BIGINT,
    available_for_pickup_at BIGINT,
    delivered_at          BIGINT,
    imported_at           BIGINT NOT NULL
);

-- +goose Down
DROP TABLE history;
