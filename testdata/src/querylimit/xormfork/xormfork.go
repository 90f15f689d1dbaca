// Package xormfork exercises github.com/xorm-io/xorm and its builder,
// casdoor's fork of xorm: the same rules as xorm.io/xorm.
package xormfork

import (
	"net/http"
	"strconv"
	"time"

	"github.com/xorm-io/builder"
	"github.com/xorm-io/xorm"
)

type Token struct {
	Owner     string
	ExpiresAt time.Time
}

type AuditLog struct{ ID int64 }

type Application struct{ Owner string }

// Ormer holds the engine, as casdoor's global ormer does.
type Ormer struct{ Engine *xorm.Engine }

var ormer *Ormer

// Fine: a page; it also shows that the package pages token.
func PageTokens(page int) ([]*Token, error) {
	var tokens []*Token
	return tokens, ormer.Engine.Limit(20, (page-1)*20).Find(&tokens)
}

func AllTokens() ([]*Token, error) {
	var tokens []*Token
	err := ormer.Engine.Desc("created_time").Find(&tokens) // want `every row of this query is read into tokens by xorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(the package pages token elsewhere\)`
	return tokens, err
}

func ExpiredTokens(now time.Time) ([]*Token, error) {
	var tokens []*Token
	err := ormer.Engine.Where(builder.Lt{"expires_at": now}).Find(&tokens) // want `read into tokens by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by expires_at grow with the data`
	return tokens, err
}

func Logs() []AuditLog {
	var logs []AuditLog
	ormer.Engine.NewSession().Desc("id").Find(&logs) // want `read into logs by xorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(audit_log holds events or logs\)`
	return logs
}

// Fine: one owner's applications, small by construction.
func OwnerApplications(owner string) ([]*Application, error) {
	var apps []*Application
	return apps, ormer.Engine.Find(&apps, &Application{Owner: owner})
}

// Fine: one token, by a builder condition on its key.
func TokenByID(owner string) ([]*Token, error) {
	var tokens []*Token
	return tokens, ormer.Engine.Where(builder.Eq{"id": owner}).Find(&tokens)
}

func ListTokens(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	var tokens []*Token
	ormer.Engine.Where(builder.Eq{"owner": r.URL.Query().Get("owner")}).Limit(limit).Find(&tokens) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches xorm Limit with no upper bound`
	w.Write([]byte(strconv.Itoa(len(tokens))))
}
