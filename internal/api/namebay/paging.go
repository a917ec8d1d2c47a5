package namebay

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// maxPageSize is the largest page the API serves.
const maxPageSize = 500

// pageAnswer is one page of a list route.
type pageAnswer[T any] struct {
	items []T
	total int // X-Total-Count; -1 when the server does not send it
	size  int // the page size the server applied
}

// getPage fetches one page of the list route r.
func getPage[T any](ctx context.Context, c *Client, r request, page, pageSize int) (*pageAnswer[T], error) {
	r.method = http.MethodGet
	q := url.Values{}
	for k, v := range r.query {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(page))
	q.Set("pageSize", strconv.Itoa(pageSize))
	r.query = q
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	items, err := decodeList[T](r, a)
	if err != nil {
		return nil, err
	}
	p := &pageAnswer[T]{items: items, total: -1, size: pageSize}
	if n, err := strconv.Atoi(a.header.Get("X-Total-Count")); err == nil && n >= 0 {
		p.total = n
	}
	if n, err := strconv.Atoi(a.header.Get("X-Page-Size")); err == nil && n > 0 {
		p.size = n
	}
	return p, nil
}

// listAll fetches every page of the list route r once, in order, with the
// largest page size. The number of pages comes from the first page's
// X-Total-Count; without it, a short page is the last. An item seen twice
// (the list moved between pages) is kept once, by key.
func listAll[T any, K comparable](ctx context.Context, c *Client, r request, key func(T) K) ([]T, error) {
	first, err := getPage[T](ctx, c, r, 1, maxPageSize)
	if err != nil {
		return nil, err
	}
	pages := -1
	if first.total >= 0 {
		pages = (first.total + first.size - 1) / first.size
	}
	seen := make(map[K]bool, len(first.items))
	var all []T
	add := func(items []T) {
		for _, it := range items {
			if k := key(it); !seen[k] {
				seen[k] = true
				all = append(all, it)
			}
		}
	}
	add(first.items)
	for page, last := 2, first; hasMore(pages, page, last); page++ {
		if last, err = getPage[T](ctx, c, r, page, maxPageSize); err != nil {
			return nil, err
		}
		add(last.items)
	}
	return all, nil
}

// hasMore reports whether page is still to be fetched after the page last,
// given the number of pages (-1 when unknown).
func hasMore[T any](pages, page int, last *pageAnswer[T]) bool {
	switch {
	case len(last.items) == 0:
		return false
	case pages >= 0:
		return page <= pages
	default:
		return len(last.items) >= last.size
	}
}
