// Package tablesize: reads of a whole table, or of a part a plain filter
// selects, are reported only when the package shows the table grows (it
// pages it elsewhere, or its name says it holds events or logs). Most
// whole-table reads in real services are of tables that stay small: every
// user of a self-hosted service, its settings, its webhooks (the shapes
// of gotify, gophish, shiori and alist).
package tablesize

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type User struct{ ID int64 }

type Webhook struct{ ID int64 }

type AttestedNodeEvent struct{ ID int64 }

type Order struct{ ID int64 }

type MailLog struct{ ID int64 }

type Row struct {
	ID   int64
	Name string
}

// Fine: every user of the service; nothing in the package pages users.
func users(db *gorm.DB) []User {
	var us []User
	db.Find(&us)
	return us
}

// Fine: the active webhooks, a flag filter over a table nothing pages.
func activeWebhooks(db *gorm.DB) []Webhook {
	var ws []Webhook
	db.Where("is_active = ?", true).Find(&ws)
	return ws
}

// Fine: WHERE 1 and a flag select a part of account, which nothing pages.
func accounts(ctx context.Context, db *sqlx.DB, owner bool) []Row {
	q := `SELECT id, username FROM account WHERE 1`
	if owner {
		q += ` AND owner = 1`
	}
	q += ` ORDER BY username`
	var out []Row
	db.SelectContext(ctx, &out, q)
	return out
}

// Fine: one row per tag of the whole bookmark_tag table, which nothing
// pages (the tag vocabulary).
func tags(ctx context.Context, db *sqlx.DB) []Row {
	var out []Row
	db.SelectContext(ctx, &out, `SELECT bt.tag_id id, t.name FROM bookmark_tag bt LEFT JOIN tag t ON bt.tag_id = t.id GROUP BY bt.tag_id ORDER BY t.name`)
	return out
}

// Fine: <> is no range; the settings table is read whole, and nothing
// pages it.
func settings(ctx context.Context, db *sqlx.DB) []Row {
	var out []Row
	db.SelectContext(ctx, &out, `SELECT id, name FROM settings WHERE kind <> 'hidden'`)
	return out
}

// The table's name says it holds events.
func nodeEvents(db *gorm.DB) []AttestedNodeEvent {
	var events []AttestedNodeEvent
	db.Find(&events) // want `read into events by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(attested_node_events holds events or logs\)`
	return events
}

// So does "hits": one row per hit of a check or a page, never pruned
// (statping's checkin_hits).
func checkinHits(db *gorm.DB) []CheckinHit {
	var hits []CheckinHit
	db.Find(&hits) // want `read into hits by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(checkin_hits holds events or logs\)`
	return hits
}

type CheckinHit struct{ ID int64 }

// orders is paged below (a Model chain with Limit), so a whole read of it
// grows.
func orders(db *gorm.DB) []Order {
	var os []Order
	db.Find(&os) // want `since it reads the whole table, which grows with the data \(the package pages orders elsewhere\)`
	return os
}

type Summary struct{ ID int64 }

// Fine: a page.
func recentOrders(db *gorm.DB) []Summary {
	var out []Summary
	db.Model(&Order{}).Order("id DESC").Limit(20).Scan(&out)
	return out
}

// A range on send_date: rows keep coming, whatever the table's size.
func dueMails(db *gorm.DB, now int64) []MailLog {
	var ms []MailLog
	db.Where("send_date <= ? AND processing = ?", now, false).Find(&ms) // want `since rows filtered only by send_date, processing grow with the data$`
	return ms
}

// Fine: LIMIT 1 is a lookup, not a page, so it says nothing about the
// size of members.
func memberExists(ctx context.Context, db *sqlx.DB, name string) bool {
	var ok bool
	db.GetContext(ctx, &ok, `SELECT true FROM members WHERE name = $1 LIMIT 1`, name)
	return ok
}

func members(ctx context.Context, db *sqlx.DB) []Row {
	var out []Row
	db.SelectContext(ctx, &out, `SELECT id, name FROM members ORDER BY name`)
	return out
}

// A condition added or not through a Sprintf verb (fider's
// supressionCondition): each text is judged, and both read a part of
// orders, which the package pages.
func mailable(ctx context.Context, db *sqlx.DB, email bool) []Row {
	cond := ""
	if email {
		cond = "AND o.email_suppressed_at IS NULL"
	}
	var out []Row
	db.SelectContext(ctx, &out, fmt.Sprintf(`SELECT o.id, o.name FROM orders o WHERE o.status = $1 %s ORDER BY o.id`, cond), "open") // want `read into out by sqlx Select \(no LIMIT\); page it or stream rows, since rows filtered only by status grow with the data \(the package pages orders elsewhere\)`
	return out
}

// Fine: each text selects one owner's orders: the constant piece narrows
// to one parent on every path.
func ownerOrders(ctx context.Context, db *sqlx.DB, open bool) []Row {
	cond := "AND o.owner_id = $2"
	if open {
		cond = "AND o.owner_id = $2 AND o.status = 'open'"
	}
	var out []Row
	db.SelectContext(ctx, &out, fmt.Sprintf(`SELECT o.id, o.name FROM orders o WHERE o.tenant_id = $1 %s ORDER BY o.id`, cond), 1, 2)
	return out
}

// Fine: the piece is not a constant, so the conditions are built at run
// time and may name one parent.
func filtered(ctx context.Context, db *sqlx.DB, cond string) []Row {
	var out []Row
	db.SelectContext(ctx, &out, fmt.Sprintf(`SELECT o.id, o.name FROM orders o WHERE o.status = $1 %s ORDER BY o.id`, cond), "open")
	return out
}
