package ispmanager

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// call is one authenticated function call being served.
type call struct {
	e      *Emulator
	w      http.ResponseWriter
	r      *http.Request
	tx     *platform.Tx
	now    time.Time
	caller *platform.Account
}

// apiError is an error document: {"error": {"$type", "$object", "msg"}}.
type apiError struct {
	typ, object, value, msg string
}

func (e *apiError) Error() string { return e.typ + " " + e.object + ": " + e.msg }

func newError(typ, object, format string, args ...any) *apiError {
	return &apiError{typ: typ, object: object, msg: fmt.Sprintf(format, args...)}
}

// valueError refuses the value of a field.
func valueError(field, value, format string, args ...any) *apiError {
	e := newError("value", field, format, args...)
	e.value = value
	return e
}

func (e *Emulator) handle(r platform.Router, pattern string, h func(c *call) error) {
	r.Handle(pattern, func(w http.ResponseWriter, req *http.Request, tx *platform.Tx) {
		c := &call{e: e, w: w, r: req, tx: tx, now: e.world.Clock.Now()}
		err := c.authenticate()
		if err == nil {
			err = h(c)
		}
		if err != nil {
			c.fail(err)
		}
	})
}

func (c *call) authenticate() error {
	if acct, ok := platform.ActorFrom(c.r.Context()); ok {
		c.caller = acct
		return nil
	}
	login, password, ok := strings.Cut(c.param("authinfo"), ":")
	if ok {
		c.caller = c.e.world.Accounts.Authenticate(Family, login, password)
	}
	if c.caller == nil {
		return newError("auth", "", "Authorization failed: check the login and password given in authinfo.")
	}
	return nil
}

func (c *call) param(name string) string { return strings.TrimSpace(c.r.Form.Get(name)) }

func (c *call) has(name string) bool { return c.r.Form.Has(name) }

// submitted reports whether a form function was sent with sok=ok; without
// it the function only answers the form.
func (c *call) submitted() bool { return c.param("sok") != "" }

func (c *call) reply(doc *elem) error {
	write(c.w, http.StatusOK, c.param("out"), doc)
	return nil
}

func (c *call) ok() error {
	doc := newDoc()
	doc.add("ok")
	return c.reply(doc)
}

func (c *call) fail(err error) {
	var apiErr *apiError
	if !errors.As(err, &apiErr) {
		apiErr = newError("internal", "", "Internal error: %v", err)
	}
	doc := newDoc()
	e := doc.add("error").attr("type", apiErr.typ).attr("lang", "en")
	if apiErr.object != "" {
		e.attr("object", apiErr.object)
	}
	e.set("msg", apiErr.msg)
	if apiErr.object != "" {
		e.add("param").attr("name", "object").text = apiErr.object
	}
	if apiErr.value != "" {
		e.add("param").attr("name", "value").text = apiErr.value
	}
	write(c.w, http.StatusOK, c.param("out"), doc)
}

// licence returns the caller's live licence named by elid.
func (c *call) licence(itemType string) (*license, error) {
	id, err := strconv.ParseInt(c.param("elid"), 10, 64)
	l := c.e.licenses[id]
	if err != nil || l == nil || l.Account != c.caller.Handle || (itemType != "" && l.ItemType != itemType) {
		return nil, newError("missed", "elid", "Licence %s not found.", c.param("elid"))
	}
	return l, nil
}

// charge debits the caller's balance and records the operation, or refuses
// when the balance is short.
func (c *call) charge(l *license, operation string, months int, amount platform.Money) error {
	if amount <= 0 {
		return nil
	}
	return c.e.charge(c.tx, c.caller.Handle, l, operation, months, amount)
}

func (e *Emulator) charge(tx *platform.Tx, account string, l *license, operation string, months int, amount platform.Money) error {
	balance := e.balance(account)
	if amount > balance {
		return newError("balance", "account", "Insufficient funds: the operation costs %s %s, the balance is %s %s.", amount, currency, balance, currency)
	}
	e.setBalance(tx, account, balance-amount)
	e.world.Ledger.Append(tx, platform.Entry{
		Family: Family, Account: account, Operation: operation, Object: l.Name,
		Period: months, Amount: amount, Currency: currency,
	})
	return nil
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
