package namebay

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// secretPwd is a password the hosting methods send; no error may show it.
const secretPwd = "Zq9#secret-pwd"

var passwordCalls = []struct {
	name, pattern string
	call          func(context.Context, *Client) error
}{
	{"CreateFtpUser", "POST /api/Hosting/{h}/User", func(ctx context.Context, c *Client) error {
		_, err := c.CreateFtpUser(ctx, "", "HO-1", NewFtpUser{UserName: "webmaster", Pwd: secretPwd})
		return err
	}},
	{"SetFtpUserPassword", "POST /api/Hosting/{h}/User/{id}/Password", func(ctx context.Context, c *Client) error {
		return c.SetFtpUserPassword(ctx, "", "HO-1", 3, secretPwd)
	}},
	{"CreateDatabase", "POST /api/Hosting/{h}/Db", func(ctx context.Context, c *Client) error {
		_, err := c.CreateDatabase(ctx, "", "HO-1", NewDatabase{Name: "shop", User: "shop", Pwd: secretPwd})
		return err
	}},
	{"SetDatabasePassword", "POST /api/Hosting/{h}/Db/{n}/Password", func(ctx context.Context, c *Client) error {
		return c.SetDatabasePassword(ctx, "", "HO-1", "shop", secretPwd)
	}},
}

// Errors never carry a password: not from the request, which the client
// never quotes, and not from an API that repeats it in its answer.
func TestPasswordsStayOutOfErrors(t *testing.T) {
	t.Parallel()
	echo := fmt.Sprintf(`[{"Code":530,"Detail":"Pwd %s is too weak","Data":{"Field":"Pwd","Value":%q}}]`, secretPwd, secretPwd)
	faults := map[string]func(*testing.T) http.HandlerFunc{
		"echoed in a refusal": func(*testing.T) http.HandlerFunc {
			return func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusUnprocessableEntity, echo) }
		},
		"dropped connection": hangUp,
		"answer not JSON": func(*testing.T) http.HandlerFunc {
			return func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusCreated, `<html>`+secretPwd) }
		},
	}
	for _, tt := range passwordCalls {
		for fault, handler := range faults {
			t.Run(tt.name+"/"+fault, func(t *testing.T) {
				t.Parallel()
				f := newFakeAPI(t)
				f.handle(tt.pattern, handler(t))
				err := tt.call(t.Context(), f.client())
				if err == nil {
					if fault == "answer not JSON" && strings.HasPrefix(tt.name, "Set") {
						return // a password change has no answer to decode
					}
					t.Fatal("no error")
				}
				if !strings.Contains(f.lastBody(), secretPwd) {
					t.Fatalf("the request %s did not carry the password", f.lastBody())
				}
				if strings.Contains(err.Error(), secretPwd) {
					t.Errorf("the error %q shows the password", err)
				}
				var apiErr *APIError
				if errors.As(err, &apiErr) {
					if strings.Contains(fmt.Sprint(apiErr.Errors), secretPwd) {
						t.Errorf("the error's items %v hold the password", apiErr.Errors)
					}
					if apiErr.Field() != "Pwd" || !HasCode(err, CodeInvalidValue) {
						t.Errorf("err = %v, want code 530 on Pwd kept", err)
					}
				}
				f.mustNotLeak(err)
			})
		}
	}
}

// syncBuffer collects log output written from any goroutine.
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

// The request bodies are logged at TRACE with the passwords masked.
func TestPasswordsStayOutOfLogs(t *testing.T) {
	t.Parallel()
	for _, tt := range passwordCalls {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, http.StatusUnprocessableEntity, `[{"Code":530,"Detail":"weak","Data":{"Field":"Pwd"}}]`)
			var logs syncBuffer
			ctx := tflogtest.RootLogger(t.Context(), &logs)
			if err := tt.call(ctx, f.client()); !HasCode(err, CodeInvalidValue) {
				t.Fatalf("err = %v, want the 422 answer", err)
			}
			out := logs.String()
			if !strings.Contains(out, `\"Pwd\":\"***\"`) {
				t.Errorf("no logged request body with the password masked:\n%s", out)
			}
			if strings.Contains(out, secretPwd) {
				t.Errorf("the logs show the password:\n%s", out)
			}
		})
	}
}

func TestWithoutSecretLeavesOtherErrorsAlone(t *testing.T) {
	t.Parallel()
	plain := errors.New("Zq9#secret-pwd")
	if got := withoutSecret(plain, secretPwd); got != plain {
		t.Errorf("withoutSecret changed a non-API error: %v", got)
	}
	apiErr := &APIError{StatusCode: 422, Errors: []ErrorItem{{Code: 530, Detail: "a detail"}}}
	if got := withoutSecret(apiErr, ""); got.Error() != apiErr.Error() {
		t.Errorf("an empty secret changed the error to %v", got)
	}
	if withoutSecret(nil, secretPwd) != nil {
		t.Error("withoutSecret(nil) is not nil")
	}
}
