package ispmanager

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Requests and answers are logged at TRACE with the password, authinfo and
// licence key masked.
func TestSecretsStayOutOfLogs(t *testing.T) {
	t.Parallel()
	const key = "4001-feedfacefeedfacefeedfacefeedface"
	f := newFake(t, func(string, url.Values, int) (int, string) {
		return 200, `{"doc": {"id": {"$": "4001"}, "licname": {"$": "web1"}, "lickey": {"$": "` + key + `"}}}`
	})
	var logs syncBuffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	l, err := f.client(t).License(ctx, ItemSoft, 4001)
	if err != nil || l.Key != key {
		t.Fatalf("License = %v, %v", l, err)
	}
	out := logs.String()
	if !strings.Contains(out, "soft.edit") {
		t.Fatalf("nothing was logged:\n%s", out)
	}
	for _, secret := range []string{"s3cret-pw", key, "feedface"} {
		if strings.Contains(out, secret) {
			t.Errorf("the logs contain %q:\n%s", secret, out)
		}
	}
}
