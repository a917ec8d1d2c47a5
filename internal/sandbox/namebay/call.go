package namebay

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// maxBody bounds request bodies; the largest legitimate one is a record.
const maxBody = 1 << 20

// call is one authenticated request being served.
type call struct {
	e      *Emulator
	w      http.ResponseWriter
	r      *http.Request
	tx     *platform.Tx
	now    time.Time
	caller *platform.Account // who authenticated
	acting *platform.Account // ?user=, or the caller
}

// handle registers an authenticated route: h sees the caller and the
// account it acts for, and answers through c or by returning an error.
func (e *Emulator) handle(r platform.Router, pattern string, h func(c *call) error) {
	r.Handle(pattern, func(w http.ResponseWriter, req *http.Request, tx *platform.Tx) {
		c := &call{e: e, w: w, r: req, tx: tx, now: e.world.Clock.Now()}
		err := c.authenticate()
		if err == nil {
			err = h(c)
		}
		if err != nil {
			writeError(w, err)
		}
	})
}

// writeError answers err in Namebay's error list; an error that is not an
// apiError is an internal one.
func writeError(w http.ResponseWriter, err error) {
	var apiErr *apiError
	if !errors.As(err, &apiErr) {
		apiErr = newError(http.StatusInternalServerError, 500, "", "Internal error: %v", err)
	}
	if apiErr.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="namebay"`)
	}
	writeJSON(w, apiErr.status, apiErr.wire())
}

// reply answers status with v as JSON.
func (c *call) reply(status int, v any) error {
	writeJSON(c.w, status, v)
	return nil
}

// ticket answers 202 with an asynchronous operation's ticket.
func (c *call) ticket(detail string) error {
	return c.reply(http.StatusAccepted, []wireError{{Code: 200, Detail: detail, Data: ticketData{TicketId: c.newTicketId()}}})
}

// newTicketId draws the handle of an asynchronous operation's ticket.
func (c *call) newTicketId() string {
	return fmt.Sprintf("TK-%06d", c.e.world.Next(c.tx, ticketSeq))
}

// noContent answers 204, for deletions.
func (c *call) noContent() error {
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

// decode reads the JSON body into v.
func (c *call) decode(v any) error { return decodeBody(c.w, c.r, v) }

func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return errMalformed("The request body could not be read: %v", err)
	}
	if len(body) == 0 {
		return errMalformed("The request body is empty.")
	}
	if err := json.Unmarshal(body, v); err != nil {
		return errMalformed("The request body is malformed: %v", err)
	}
	return nil
}

// queryInt reads an optional positive integer parameter.
func (c *call) queryInt(name, field string, def, maxValue int) (int, error) {
	raw := c.r.URL.Query().Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > maxValue {
		return 0, errInvalid(field, "%s must be an integer from 1 to %d.", name, maxValue)
	}
	return n, nil
}

// paginate reads page and pageSize, sets the paging headers of a list of
// total items, and returns the bounds of the page asked for.
func (c *call) paginate(total int) (start, end int, err error) {
	page, err := c.queryInt("page", "Page", 1, 1<<30)
	if err != nil {
		return 0, 0, err
	}
	size, err := c.queryInt("pageSize", "PageSize", defaultPageSize, maxPageSize)
	if err != nil {
		return 0, 0, err
	}
	h := c.w.Header()
	h.Set("X-Total-Count", strconv.Itoa(total))
	h.Set("X-Page", strconv.Itoa(page))
	h.Set("X-Page-Size", strconv.Itoa(size))
	start = min((page-1)*size, total)
	return start, min(start+size, total), nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`[{"Code":500,"Detail":"Internal error: encoding the answer.","Data":null}]`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n')) // a client gone away is no one's error
}
