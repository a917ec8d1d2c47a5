package platform

import (
	"context"
	"net/http"
)

// Handler serves one partner route. It runs under the world lock, and the
// changes it records in tx are committed before its response is written.
type Handler func(w http.ResponseWriter, r *http.Request, tx *Tx)

// Router is where a family registers its routes. A pattern is a net/http
// pattern relative to the family's prefix, with a method:
// "GET /api/Zone/{zone}/Record". An API that selects its operation with a
// func parameter registers one pattern per function, without a method:
// "/billmgr?func=soft.order.param" answers GET and POST, with the function
// named in the query string or the form body.
type Router interface {
	Handle(pattern string, h Handler)
}

// EnvVar is one setting a family prints for its provider block.
type EnvVar struct {
	Name, Value string
}

type actorKey struct{}

// WithActor marks a request as made by acct without credentials (the admin
// API's /_sandbox/as/{login}/... routes).
func WithActor(ctx context.Context, acct *Account) context.Context {
	return context.WithValue(ctx, actorKey{}, acct)
}

// ActorFrom returns the account set by WithActor.
func ActorFrom(ctx context.Context) (*Account, bool) {
	acct, ok := ctx.Value(actorKey{}).(*Account)
	return acct, ok
}
