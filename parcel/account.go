package parcel

import (
	"errors"
	"time"
)

// Errors every store and service reports the same way, so callers can test
// for them without knowing which implementation they talk to.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("already exists")
	// ErrLeaseLost means another instance took over work this one had
	// claimed; the caller must drop its result.
	ErrLeaseLost = errors.New("lease lost to another instance")
)

// User is a person or an integration that owns shipments.
type User struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// APIToken describes a bearer token. The secret itself is shown once, when
// issued, and stored only as a hash.
type APIToken struct {
	ID         int64     `json:"id"`
	UserID     int64     `json:"user_id"`
	Name       string    `json:"name"`
	Prefix     string    `json:"prefix"` // the secret's first characters, to tell tokens apart
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at,omitzero"`
	ExpiresAt  time.Time `json:"expires_at,omitzero"`
}

// Channel is how a subscription is notified.
type Channel string

// Notification channels.
const (
	ChannelWebhook Channel = "webhook"
	ChannelEmail   Channel = "email"
	ChannelChat    Channel = "chat"
)

// Subscription asks for notifications about one shipment, or, with
// ShipmentID zero, about all of a user's shipments.
type Subscription struct {
	ID         int64   `json:"id"`
	UserID     int64   `json:"user_id"`
	ShipmentID int64   `json:"shipment_id,omitempty"`
	Channel    Channel `json:"channel"`
	Target     string  `json:"target"` // URL, e-mail address or chat endpoint
	// Secret signs webhook deliveries; it is never shown after creation.
	Secret string `json:"-"`
	// Topics filters what is sent ("status", "alert", …); empty means all.
	Topics    []string  `json:"topics,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// OutboxMessage is a notification waiting to be delivered. It is written in
// the same transaction as the change that caused it, so a change is never
// stored without its notification, nor the other way round.
type OutboxMessage struct {
	ID             int64     `json:"id"`
	SubscriptionID int64     `json:"subscription_id,omitempty"`
	ShipmentID     int64     `json:"shipment_id,omitempty"`
	Topic          string    `json:"topic"`
	Payload        []byte    `json:"payload"`
	CreatedAt      time.Time `json:"created_at"`
	AvailableAt    time.Time `json:"available_at"` // not delivered before this time (backoff)
	Attempts       int       `json:"attempts"`
	LastError      string    `json:"last_error,omitempty"`
}

// PollJob is a leg claimed for polling by one instance until LeaseExpires.
type PollJob struct {
	Leg                 Leg
	NextPollAt          time.Time
	ConsecutiveFailures int
	LeaseOwner          string
	LeaseExpires        time.Time
}
