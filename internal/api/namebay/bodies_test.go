package namebay

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// Every write sends exactly the body of the wire contract.
func TestRequestBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		pattern string
		status  int
		answer  string
		call    func(context.Context, *Client) error
		want    string
	}{
		{
			name: "NewContact", pattern: "POST /api/Contact", status: 201, answer: `{"Handle":"CT-1"}`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.CreateContact(ctx, "", NewContact{FirstName: "Jeanne", LastName: "Martin", Address: "1 rue de la Paix",
					City: "Paris", Pc: "75002", Cc: "FR", MailAddress: "jeanne@example.fr", IsIndividual: true})
				return err
			},
			want: `{"FirstName":"Jeanne","LastName":"Martin","Address":"1 rue de la Paix","City":"Paris","Pc":"75002",
				"Cc":"FR","MailAddress":"jeanne@example.fr","IsIndividual":true}`,
		},
		{
			name: "CreateDomain", pattern: "POST /api/Domain", status: 202, answer: `{"Handle":"DM-1","Status":"pending"}`,
			call: func(ctx context.Context, c *Client) error {
				order := orderSample
				order.UseNamebayDns = false
				order.NameServer = []NameServer{{Name: "ns1.example.net"}, {Name: "ns2.example.net"}}
				order.Protect = true
				_, err := c.CreateDomain(ctx, "", order)
				return err
			},
			want: `{"DomainName":"example.com","Period":1,"RegistrantContactId":"CT-000001","AdminContactId":"CT-000001",
				"TechContactId":"CT-000001","BillingContactId":"CT-000001",
				"NameServer":[{"Name":"ns1.example.net"},{"Name":"ns2.example.net"}],
				"UseNamebayDns":false,"AutoRenew":false,"HasAnonymousWhois":false,"Protect":true}`,
		},
		{
			name: "UpdateDomain sends only what is set", pattern: "PUT /api/Domain/{h}", status: 202, answer: `[]`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.UpdateDomain(ctx, "", "DM-1", UpdateDomain{Status: ptr(DomainProtect), AutoRenew: ptr(false)})
				return err
			},
			want: `{"Status":"protect","AutoRenew":false}`,
		},
		{
			name: "SetNameServers", pattern: "PUT /api/Domain/{h}/NameServer", status: 200, answer: ``,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.SetNameServers(ctx, "", "DM-1", []NameServer{{Name: "ns1.example.net"}, {Name: "ns2.example.net"}})
				return err
			},
			want: `[{"Name":"ns1.example.net"},{"Name":"ns2.example.net"}]`,
		},
		{
			name: "SetDomainContacts", pattern: "PUT /api/Domain/{h}/Contact", status: 200, answer: `[{"Handle":"CT-3","Type":"T"}]`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.SetDomainContacts(ctx, "", "DM-1", []DomainContact{{Handle: "CT-3", Type: ContactTech}})
				return err
			},
			want: `[{"Handle":"CT-3","Type":"T"}]`,
		},
		{
			name: "TradeDomain", pattern: "POST /api/Domain/{h}/Trade", status: 202, answer: `[]`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.TradeDomain(ctx, "", "DM-1", "CT-9")
				return err
			},
			want: `{"NewRegistrantContactId":"CT-9"}`,
		},
		{
			name: "RenewDomain", pattern: "POST /api/Domain/{h}/Renew", status: 200, answer: `{"Handle":"DM-1"}`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.RenewDomain(ctx, "", "DM-1", 2)
				return err
			},
			want: `{"Period":2}`,
		},
		{
			name: "CreateZone", pattern: "POST /api/Zone", status: 201, answer: zoneSample,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.CreateZone(ctx, "", "example.com")
				return err
			},
			want: `{"Name":"example.com"}`,
		},
		{
			name: "UpdateZoneTTL", pattern: "PUT /api/Zone/{h}", status: 200, answer: zoneSample,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.UpdateZoneTTL(ctx, "", "ZN-1", "example.com", 600)
				return err
			},
			want: `{"Name":"example.com","Ttl":600}`,
		},
		{
			name: "SetDnssec", pattern: "PUT /api/Zone/{h}/Dnssec", status: 200, answer: `{"Enabled":true,"Status":"enableInProgress"}`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.SetDnssec(ctx, "", "ZN-1", true)
				return err
			},
			want: `{"Enabled":true}`,
		},
		{
			name: "CreateRecord leaves out Id, dates and unset fields", pattern: "POST /api/Zone/{h}/Record", status: 201, answer: `{"Id":5}`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.CreateRecord(ctx, "", "ZN-1", Record{Id: 99, Host: "www", Type: "A", Data: "192.0.2.1"})
				return err
			},
			want: `{"Host":"www","Type":"A","Data":"192.0.2.1"}`,
		},
		{
			name: "UpdateRecord", pattern: "PUT /api/Zone/{h}/Record/{id}", status: 200, answer: `{"Id":5}`,
			call: func(ctx context.Context, c *Client) error {
				_, err := c.UpdateRecord(ctx, "", "ZN-1", 5, Record{Host: "@", Type: "MX", Data: "mx.example.com", Weight: ptr(int64(0))})
				return err
			},
			want: `{"Id":5,"Host":"@","Type":"MX","Data":"mx.example.com","Weight":0}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.answer)
			if err := tt.call(t.Context(), f.client()); err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal([]byte(f.lastBody()), &got); err != nil {
				t.Fatalf("body %q: %v", f.lastBody(), err)
			}
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %s\nwant   %s", f.lastBody(), tt.want)
			}
		})
	}
}

func TestEmptyListIsSentAsList(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("PUT /api/Domain/{h}/NameServer", http.StatusOK, ``)
	if _, err := f.client().SetNameServers(t.Context(), "", "DM-1", nil); err != nil {
		t.Fatal(err)
	}
	if got := f.lastBody(); got != `[]` {
		t.Errorf("body = %s, want []", got)
	}
}

func TestWritesWithoutTicketsReturnNone(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("POST /api/Domain/{h}/Renew", http.StatusOK, `{"Handle":"DM-1","Expires":"2030-01-01T00:00:00Z"}`)
	ts, err := f.client().RenewDomain(t.Context(), "", "DM-1", 1)
	if err != nil || ts != nil {
		t.Errorf("RenewDomain = %v, %v; want no tickets and no error", ts, err)
	}
}

// When a write answers without the object (no body, or a ticket list), the
// client reads the object back.
func TestWritesReadBack(t *testing.T) {
	t.Parallel()
	t.Run("contact answered 204", func(t *testing.T) {
		t.Parallel()
		f := newFakeAPI(t)
		f.answer("PUT /api/Contact/{h}", http.StatusNoContent, ``)
		f.answer("GET /api/Contact/{h}", http.StatusOK, `{"Handle":"CT-1","City":"Lyon"}`)
		got, err := f.client().UpdateContact(t.Context(), "CL-1", "CT-1", NewContact{City: "Lyon"})
		if err != nil || got.City != "Lyon" {
			t.Fatalf("UpdateContact = %+v, %v", got, err)
		}
		if r := f.calls("GET", "/api/Contact/CT-1"); len(r) != 1 || r[0].URL.Query().Get("user") != "CL-1" {
			t.Errorf("read back %d times, want once as CL-1", len(r))
		}
	})
	t.Run("domain order answered with a ticket", func(t *testing.T) {
		t.Parallel()
		f := newFakeAPI(t)
		f.answer("POST /api/Domain", http.StatusAccepted, `[{"Code":200,"Detail":"Domain create ticket created.","Data":{"TicketId":"TK-1"}}]`)
		f.answer("GET /api/Domain", http.StatusOK, `[{"Handle":"DM-7","Name":"example.com","Status":"pending"}]`)
		got, err := f.client().CreateDomain(t.Context(), "", orderSample)
		if err != nil || got.Handle != "DM-7" {
			t.Fatalf("CreateDomain = %+v, %v", got, err)
		}
	})
	t.Run("zone answered without body and not listed", func(t *testing.T) {
		t.Parallel()
		f := newFakeAPI(t)
		f.answer("POST /api/Zone", http.StatusCreated, ``)
		f.answer("GET /api/Zone", http.StatusOK, `[]`)
		if _, err := f.client().CreateZone(t.Context(), "", "example.com"); err == nil {
			t.Fatal("no error for a zone that cannot be found after its creation")
		}
	})
	t.Run("record answered without body", func(t *testing.T) {
		t.Parallel()
		f := newFakeAPI(t)
		f.answer("PUT /api/Zone/{h}/Record/{id}", http.StatusOK, ``)
		f.answer("GET /api/Zone/{h}/Record/{id}", http.StatusOK, `{"Id":5,"Host":"www","Type":"A","Data":"192.0.2.9"}`)
		got, err := f.client().UpdateRecord(t.Context(), "", "ZN-1", 5, Record{Host: "www", Type: "A", Data: "192.0.2.9"})
		if err != nil || got.Data != "192.0.2.9" {
			t.Fatalf("UpdateRecord = %+v, %v", got, err)
		}
	})
}
