-- Events may reveal another carrier's number for the same parcel.

-- +goose Up
ALTER TABLE events ADD COLUMN linked_carrier TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN linked_number TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE events DROP COLUMN linked_number;
ALTER TABLE events DROP COLUMN linked_carrier;
