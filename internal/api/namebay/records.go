package namebay

import (
	"context"
	"net/http"
)

// ListRecordsPage fetches one page (1-based) of a zone's records. total is
// the number of records in the zone, or -1 when the server does not say.
func (c *Client) ListRecordsPage(ctx context.Context, user, zone string, page, pageSize int) (records []Record, total int, err error) {
	p, err := getPage[Record](ctx, c, request{path: recordsRoute(zone), user: user}, page, pageSize)
	if err != nil {
		return nil, 0, err
	}
	return p.items, p.total, nil
}

// ListRecords fetches every record of a zone, each page once, 500 records
// a page.
func (c *Client) ListRecords(ctx context.Context, user, zone string) ([]Record, error) {
	return listAll(ctx, c, request{path: recordsRoute(zone), user: user}, func(r Record) int64 { return r.Id })
}

// GetRecord reads one record.
func (c *Client) GetRecord(ctx context.Context, user, zone string, id int64) (*Record, error) {
	return getOne[Record](ctx, c, request{path: recordRoute(zone, id), user: user})
}

// CreateRecord adds a record (its Id is ignored) and returns it as stored,
// with its Id. Never retried blindly: after an error for which IsAmbiguous
// is true, list the zone to see whether the record exists.
func (c *Client) CreateRecord(ctx context.Context, user, zone string, rec Record) (*Record, error) {
	rec.Id = 0
	return sendOne[Record](ctx, c, request{method: http.MethodPost, path: recordsRoute(zone), user: user, body: rec})
}

// UpdateRecord replaces a record and returns it as stored.
func (c *Client) UpdateRecord(ctx context.Context, user, zone string, id int64, rec Record) (*Record, error) {
	rec.Id = id
	r := request{method: http.MethodPut, path: recordRoute(zone, id), user: user, body: rec}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Record, error) { return c.GetRecord(ctx, user, zone, id) })
}

// DeleteRecord deletes a record.
func (c *Client) DeleteRecord(ctx context.Context, user, zone string, id int64) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: recordRoute(zone, id), user: user})
	return err
}
