package namebay

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

func ptr[T any](v T) *T { return &v }

// Each sample is written from the wire contract, with a field the client
// does not know to check that unknown fields are ignored.
func TestDecodeWireTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		pattern string
		status  int
		body    string
		call    func(context.Context, *Client) (any, error)
		want    any
	}{
		{
			name:    "Contact",
			pattern: "GET /api/Contact/{h}",
			body: `{"Handle":"CT-000001","FirstName":"Jeanne","LastName":"Martin","OrgName":"","Address":"1 rue de la Paix",
				"City":"Paris","Pc":"75002","Cc":"FR","MailAddress":"jeanne@example.fr","Phone":"+33.142000000",
				"IsIndividual":true,"Entity":2,"IsActive":true,"Account":"CL-000001","CleTitulaire":"ignored"}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetContact(ctx, "", "CT-000001") },
			want: &Contact{Handle: "CT-000001", FirstName: "Jeanne", LastName: "Martin", Address: "1 rue de la Paix",
				City: "Paris", Pc: "75002", Cc: "FR", MailAddress: "jeanne@example.fr", Phone: "+33.142000000",
				IsIndividual: true, Entity: EntityIndividual, IsActive: true, Account: "CL-000001"},
		},
		{
			name:    "Tld",
			pattern: "GET /api/Tld",
			body: `[{"TldId":1,"TldName":"com","MinPeriod":1,"MaxPeriod":10,"CreatePrice":10.99,"RenewPrice":10.99,
				"TradePrice":10.99,"TransferPrice":10.99,"Currency":"EUR","Dnssec":true,"AnonymousWhois":true,"Extra":[1]}]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.ListTlds(ctx, "") },
			want: []Tld{{TldId: "1", TldName: "com", MinPeriod: 1, MaxPeriod: 10, CreatePrice: 10.99, RenewPrice: 10.99,
				TradePrice: 10.99, TransferPrice: 10.99, Currency: "EUR", Dnssec: true, AnonymousWhois: true}},
		},
		{
			name:    "DomainAvailability",
			pattern: "GET /api/Domain/Availability",
			body: `[{"Name":"example.com","Status":"available","Notices":"","Forbidden":false,"ForbiddenReason":"",
				"Reserved":false,"ReservedReason":"","Error":"","Price":10.99,"Currency":"EUR","MinPeriod":1,"MaxPeriod":10,
				"Catchable":false},
				{"Name":"nic.fr","Status":"unavailable","Reserved":true,"ReservedReason":"registry name"}]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CheckAvailability(ctx, "", []string{"example.com", "nic.fr"})
			},
			want: []DomainAvailability{
				{Name: "example.com", Status: AvailabilityAvailable, Price: 10.99, Currency: "EUR", MinPeriod: 1, MaxPeriod: 10},
				{Name: "nic.fr", Status: AvailabilityUnavailable, Reserved: true, ReservedReason: "registry name"},
			},
		},
		{
			name:    "Domain",
			pattern: "GET /api/Domain/{h}",
			body: `{"Id":42,"Handle":"DM-000001","Name":"example.com","Status":"protected","Created":"2025-01-02T03:04:05Z",
				"Expires":"2026-01-02T03:04:05Z","Renewal":"2025-12-03T03:04:05Z","TldId":1,"TldName":"com",
				"Registrar":"Namebay","NameCode":"x","AuthInfo":"Xy7#abc","HasAnonymousWhois":true,"AutoRenew":true,
				"CurrentProductID":"P-7","UseNamebayDns":true,"ZoneHandle":"ZN-000001"}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetDomain(ctx, "", "DM-000001") },
			want: &Domain{Id: "42", Handle: "DM-000001", Name: "example.com", Status: DomainProtected,
				Created: "2025-01-02T03:04:05Z", Expires: "2026-01-02T03:04:05Z", Renewal: "2025-12-03T03:04:05Z",
				TldId: "1", TldName: "com", Registrar: "Namebay", AuthInfo: "Xy7#abc", HasAnonymousWhois: true, AutoRenew: true,
				CurrentProductID: "P-7", UseNamebayDns: true, ZoneHandle: "ZN-000001"},
		},
		{
			name:    "NameServer",
			pattern: "GET /api/Domain/{h}/NameServer",
			body:    `[{"Name":"ns1.namebay.com"},{"Name":"ns2.namebay.com"}]`,
			call:    func(ctx context.Context, c *Client) (any, error) { return c.GetNameServers(ctx, "", "DM-000001") },
			want:    []NameServer{{Name: "ns1.namebay.com"}, {Name: "ns2.namebay.com"}},
		},
		{
			name:    "DomainContact",
			pattern: "GET /api/Domain/{h}/Contact",
			body:    `[{"Handle":"CT-1","Type":"O"},{"Handle":"CT-2","Type":"A"},{"Handle":"CT-3","Type":"T"},{"Handle":"CT-4","Type":"B"}]`,
			call:    func(ctx context.Context, c *Client) (any, error) { return c.GetDomainContacts(ctx, "", "DM-000001") },
			want: []DomainContact{{Handle: "CT-1", Type: ContactRegistrant}, {Handle: "CT-2", Type: ContactAdmin},
				{Handle: "CT-3", Type: ContactTech}, {Handle: "CT-4", Type: ContactBilling}},
		},
		{
			name:    "AuthInfo",
			pattern: "GET /api/Domain/{h}/AuthInfo",
			body:    `{"AuthInfo":"Xy7#abc"}`,
			call:    func(ctx context.Context, c *Client) (any, error) { return c.GetAuthInfo(ctx, "", "DM-000001") },
			want:    "Xy7#abc",
		},
		{
			name:    "Zone",
			pattern: "GET /api/Zone/{h}",
			body:    zoneSample,
			call:    func(ctx context.Context, c *Client) (any, error) { return c.GetZone(ctx, "", "ZN-000001") },
			want: &Zone{Handle: "ZN-000001", Name: "example.com", SoaExpire: 1209600, SoaMinimum: 3600,
				SoaPrimaryNs: "ns1.namebay.com", SoaSerial: 2024070101, SoaRefresh: 10800,
				SoaRespPerson: "hostmaster.example.com", SoaRetry: 600, Ttl: 3600},
		},
		{
			name:    "Dnssec",
			pattern: "GET /api/Zone/{h}/Dnssec",
			body:    `{"Enabled":true,"Status":"enableInProgress"}`,
			call:    func(ctx context.Context, c *Client) (any, error) { return c.GetDnssec(ctx, "", "ZN-000001") },
			want:    &Dnssec{Enabled: true, Status: DnssecEnableInProgress},
		},
		{
			name:    "Record MX",
			pattern: "GET /api/Zone/{h}/Record/{id}",
			body: `{"Id":7,"ZoneId":3,"Host":"@","Type":"MX","Data":"mx.example.com","Weight":10,
				"DateCreated":"2025-02-03T04:05:06Z","NaptrPreference":null,"NaptrFlag":null,"NaptrService":null,"NaptrRegExp":null}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetRecord(ctx, "", "ZN-000001", 7) },
			want: &Record{Id: 7, ZoneId: "3", Host: "@", Type: "MX", Data: "mx.example.com", Weight: ptr(int64(10)),
				DateCreated: "2025-02-03T04:05:06Z"},
		},
		{
			name:    "Record NAPTR",
			pattern: "GET /api/Zone/{h}/Record/{id}",
			body: `{"Id":8,"ZoneId":"ZN-000001","Host":"@","Type":"NAPTR","Data":".","Weight":100,
				"DateCreated":"2025-02-03T04:05:06Z","NaptrPreference":10,"NaptrFlag":"U","NaptrService":"E2U+sip",
				"NaptrRegExp":"!^.*$!sip:info@example.com!"}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetRecord(ctx, "", "ZN-000001", 8) },
			want: &Record{Id: 8, ZoneId: "ZN-000001", Host: "@", Type: "NAPTR", Data: ".", Weight: ptr(int64(100)),
				DateCreated: "2025-02-03T04:05:06Z", NaptrPreference: ptr(int64(10)), NaptrFlag: "U",
				NaptrService: "E2U+sip", NaptrRegExp: "!^.*$!sip:info@example.com!"},
		},
		{
			name:    "Ticket",
			pattern: "PUT /api/Domain/{h}",
			status:  http.StatusAccepted,
			body:    `[{"Code":200,"Detail":"Domain update ticket created.","Data":{"TicketId":"TK-000001"}}]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateDomain(ctx, "", "DM-000001", UpdateDomain{AutoRenew: ptr(true)})
			},
			want: []Ticket{{Code: 200, Detail: "Domain update ticket created.", Data: TicketData{TicketId: "TK-000001"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			status := tt.status
			if status == 0 {
				status = http.StatusOK
			}
			f.answer(tt.pattern, status, tt.body)
			got, err := tt.call(t.Context(), f.client())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestWrongShapesAreErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		pattern string
		status  int
		body    string
		call    func(context.Context, *Client) error
	}{
		{"list for an object", "GET /api/Zone/{h}", 200, `[` + zoneSample + `]`,
			func(ctx context.Context, c *Client) error { _, err := c.GetZone(ctx, "", "ZN-1"); return err }},
		{"object for a list", "GET /api/Tld", 200, `{"TldName":"com"}`,
			func(ctx context.Context, c *Client) error { _, err := c.ListTlds(ctx, ""); return err }},
		{"number for a string", "GET /api/Domain/{h}", 200, `{"Handle":"DM-1","Status":5}`,
			func(ctx context.Context, c *Client) error { _, err := c.GetDomain(ctx, "", "DM-1"); return err }},
		{"string for a record id", "GET /api/Zone/{h}/Record/{id}", 200, `{"Id":"seven"}`,
			func(ctx context.Context, c *Client) error { _, err := c.GetRecord(ctx, "", "ZN-1", 7); return err }},
		{"boolean for an id", "GET /api/Domain/{h}", 200, `{"Handle":"DM-1","Id":true}`,
			func(ctx context.Context, c *Client) error { _, err := c.GetDomain(ctx, "", "DM-1"); return err }},
		{"no body for an object", "GET /api/Contact/{h}", 200, ``,
			func(ctx context.Context, c *Client) error { _, err := c.GetContact(ctx, "", "CT-1"); return err }},
		{"null for an object", "POST /api/Contact", 201, `null`,
			func(ctx context.Context, c *Client) error {
				_, err := c.CreateContact(ctx, "", NewContact{})
				return err
			}},
		{"object for a ticket list", "PUT /api/Domain/{h}", 202, `{"Code":200}`,
			func(ctx context.Context, c *Client) error {
				_, err := c.UpdateDomain(ctx, "", "DM-1", UpdateDomain{AutoRenew: ptr(false)})
				return err
			}},
		{"not JSON", "GET /api/Zone/{h}/Record", 200, `<html></html>`,
			func(ctx context.Context, c *Client) error { _, err := c.ListRecords(ctx, "", "ZN-1"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.body)
			err := tt.call(t.Context(), f.client())
			if err == nil {
				t.Fatal("no error")
			}
			if IsAmbiguous(err) || IsNotFound(err) {
				t.Errorf("err = %v: a bad answer is neither ambiguous nor not-found", err)
			}
		})
	}
}

func TestIDEncoding(t *testing.T) {
	t.Parallel()
	for id, want := range map[ID]string{"42": `42`, "ZN-1": `"ZN-1"`, "007": `"007"`, "-3": `-3`} {
		got, err := json.Marshal(id)
		if err != nil || string(got) != want {
			t.Errorf("Marshal(%q) = %s, %v; want %s", id, got, err, want)
		}
	}
	for in, want := range map[string]ID{`42`: "42", `"ZN-1"`: "ZN-1", `null`: "", `1.5`: "1.5"} {
		var got ID
		if err := json.Unmarshal([]byte(in), &got); err != nil || got != want {
			t.Errorf("Unmarshal(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
}
