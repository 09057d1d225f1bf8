package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// CreateUser stores a user; a second user with the same e-mail address is
// ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u *parcel.User) error {
	u.Email = strings.TrimSpace(u.Email)
	if u.Email == "" {
		return errors.New("create user: e-mail address is empty")
	}
	u.CreatedAt = s.now().UTC()
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO users (email, name, created_at) VALUES ($1, $2, $3)
			ON CONFLICT (email) DO NOTHING RETURNING id`,
			u.Email, u.Name, micros(u.CreatedAt)).Scan(&u.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("user %s: %w", u.Email, parcel.ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("create user %s: %w", u.Email, err)
		}
		return nil
	})
}

// User returns one user.
func (s *Store) User(ctx context.Context, id int64) (parcel.User, error) {
	var (
		u       parcel.User
		created int64
	)
	err := s.read.QueryRowContext(ctx, `SELECT id, email, name, created_at FROM users WHERE id = $1`, id).
		Scan(&u.ID, &u.Email, &u.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("user %d: %w", id, parcel.ErrNotFound)
	}
	if err != nil {
		return u, fmt.Errorf("user %d: %w", id, err)
	}
	u.CreatedAt = fromMicros(created)
	return u, nil
}

// tokenPrefix marks parcelwatch tokens, so secret scanners can spot leaks.
const tokenPrefix = "pw_"

// IssueToken creates an API token for a user and returns its secret, which
// is shown this once: only its SHA-256 is stored. A zero expiry never
// expires.
func (s *Store) IssueToken(ctx context.Context, userID int64, name string, expires time.Time) (secret string, tok parcel.APIToken, err error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", tok, fmt.Errorf("issue token: %w", err)
	}
	secret = tokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:])
	tok = parcel.APIToken{UserID: userID, Name: name, Prefix: secret[:len(tokenPrefix)+6], CreatedAt: s.now().UTC(), ExpiresAt: expires}
	err = s.inWriteTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `
			INSERT INTO api_tokens (user_id, name, prefix, secret_hash, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			userID, name, tok.Prefix, hashSecret(secret), micros(tok.CreatedAt), nullMicros(expires)).Scan(&tok.ID)
	})
	if err != nil {
		return "", tok, fmt.Errorf("issue token for user %d: %w", userID, err)
	}
	return secret, tok, nil
}

// Authenticate returns the user a token secret belongs to and records its
// use. An unknown, revoked or expired token is ErrNotFound.
func (s *Store) Authenticate(ctx context.Context, secret string) (parcel.User, error) {
	var (
		u        parcel.User
		tokenID  int64
		created  int64
		expires  sql.NullInt64
		notFound = fmt.Errorf("api token: %w", parcel.ErrNotFound)
	)
	if !strings.HasPrefix(secret, tokenPrefix) {
		return u, notFound
	}
	err := s.read.QueryRowContext(ctx, `
		SELECT t.id, t.expires_at, u.id, u.email, u.name, u.created_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.secret_hash = $1`, hashSecret(secret)).
		Scan(&tokenID, &expires, &u.ID, &u.Email, &u.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, notFound
	}
	if err != nil {
		return u, fmt.Errorf("api token: %w", err)
	}
	now := s.now()
	if expires.Valid && !now.Before(fromMicros(expires.Int64)) {
		return parcel.User{}, notFound
	}
	u.CreatedAt = fromMicros(created)
	err = s.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, micros(now), tokenID)
		return err
	})
	if err != nil {
		return u, fmt.Errorf("api token: recording use: %w", err)
	}
	return u, nil
}

// Tokens lists a user's tokens, without secrets.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]parcel.APIToken, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at
		FROM api_tokens WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("tokens of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []parcel.APIToken
	for rows.Next() {
		var (
			t             parcel.APIToken
			created       int64
			used, expires sql.NullInt64
		)
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.Prefix, &created, &used, &expires); err != nil {
			return nil, fmt.Errorf("tokens of user %d: %w", userID, err)
		}
		t.CreatedAt, t.LastUsedAt, t.ExpiresAt = fromMicros(created), fromNullMicros(used), fromNullMicros(expires)
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken deletes a token of a user.
func (s *Store) RevokeToken(ctx context.Context, userID, tokenID int64) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM api_tokens WHERE id = $1 AND user_id = $2`, tokenID, userID)
		if err != nil {
			return fmt.Errorf("revoke token %d: %w", tokenID, err)
		}
		return expectOne(res, "api token", tokenID)
	})
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateSubscription stores a notification subscription.
func (s *Store) CreateSubscription(ctx context.Context, sub *parcel.Subscription) error {
	switch sub.Channel {
	case parcel.ChannelWebhook, parcel.ChannelEmail, parcel.ChannelChat:
	default:
		return fmt.Errorf("create subscription: unknown channel %q: use webhook, email or chat", sub.Channel)
	}
	if strings.TrimSpace(sub.Target) == "" {
		return errors.New("create subscription: target is empty")
	}
	sub.CreatedAt = s.now().UTC()
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO subscriptions (user_id, shipment_id, channel, target, secret, topics, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			sub.UserID, nullID(sub.ShipmentID), string(sub.Channel), sub.Target, sub.Secret,
			strings.Join(sub.Topics, ","), micros(sub.CreatedAt)).Scan(&sub.ID)
		if err != nil {
			return fmt.Errorf("create subscription: %w", err)
		}
		return nil
	})
}

// SubscriptionsFor lists the subscriptions that cover a shipment: those of
// the shipment itself and its owner's subscriptions to all shipments.
func (s *Store) SubscriptionsFor(ctx context.Context, shipmentID int64) ([]parcel.Subscription, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, user_id, shipment_id, channel, target, secret, topics, created_at
		FROM subscriptions
		WHERE shipment_id = $1
		   OR (shipment_id IS NULL AND user_id = (SELECT user_id FROM shipments WHERE id = $1))
		ORDER BY id`, shipmentID)
	if err != nil {
		return nil, fmt.Errorf("subscriptions of shipment %d: %w", shipmentID, err)
	}
	defer rows.Close()
	var out []parcel.Subscription
	for rows.Next() {
		var (
			sub             parcel.Subscription
			shipment        sql.NullInt64
			channel, topics string
			created         int64
		)
		if err := rows.Scan(&sub.ID, &sub.UserID, &shipment, &channel, &sub.Target, &sub.Secret, &topics, &created); err != nil {
			return nil, fmt.Errorf("subscriptions of shipment %d: %w", shipmentID, err)
		}
		sub.ShipmentID, sub.Channel, sub.CreatedAt = shipment.Int64, parcel.Channel(channel), fromMicros(created)
		if topics != "" {
			sub.Topics = strings.Split(topics, ",")
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}
