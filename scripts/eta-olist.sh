#!/usr/bin/env bash
# ETA quality on the Olist dataset: fit on orders purchased before
# 2017-12-01, predict at carrier pickup for the rest of train.csv, and
# compare with the dataset README's median baselines on the same split.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
data=${1:-../shared/datasets/olist/train.csv}
go run ./cmd/parcelwatch eta evaluate "$data" \
  --map 'id=order_id,origin=BR-{seller_state}-{seller_zip_prefix},destination=BR-{customer_state}-{customer_zip_prefix},picked_up=carrier_pickup_ts,delivered=delivered_ts' \
  --split-by purchase_ts --split-at "${SPLIT_AT:-2017-12-01}"
