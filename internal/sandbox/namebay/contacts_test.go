package namebay_test

import (
	"maps"
	"net/http"
	"testing"
)

func TestContactValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	tests := []struct {
		name   string
		change map[string]any
		field  string
	}{
		{"missing first name", map[string]any{"FirstName": ""}, "FirstName"},
		{"missing last name", map[string]any{"LastName": " "}, "LastName"},
		{"missing address", map[string]any{"Address": ""}, "Address"},
		{"missing city", map[string]any{"City": ""}, "City"},
		{"missing postcode", map[string]any{"Pc": ""}, "Pc"},
		{"missing country", map[string]any{"Cc": ""}, "Cc"},
		{"lower-case country", map[string]any{"Cc": "fr"}, "Cc"},
		{"unknown country", map[string]any{"Cc": "XX"}, "Cc"},
		{"three-letter country", map[string]any{"Cc": "FRA"}, "Cc"},
		{"missing e-mail", map[string]any{"MailAddress": ""}, "MailAddress"},
		{"bad e-mail", map[string]any{"MailAddress": "ada.example.com"}, "MailAddress"},
		{"e-mail with a name", map[string]any{"MailAddress": "Ada <ada@example.com>"}, "MailAddress"},
		{"missing IsIndividual", map[string]any{"IsIndividual": nil}, "IsIndividual"},
		{"organisation without OrgName", map[string]any{"IsIndividual": false}, "OrgName"},
		{"bad phone", map[string]any{"Phone": "0123456789"}, "Phone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := contactBody("Ada")
			maps.Copy(body, tt.change)
			if v, ok := tt.change["IsIndividual"]; ok && v == nil {
				delete(body, "IsIndividual")
			}
			c.do("POST", "Contact", body).wantError(http.StatusUnprocessableEntity, 530, tt.field)
		})
	}
	c.do("POST", "Contact", "not json").wantError(http.StatusBadRequest, 400, "")

	org := contactBody("Acme")
	maps.Copy(org, map[string]any{"IsIndividual": false, "OrgName": "Acme SA", "Phone": "+33.123456789", "Cc": "BE"})
	var got struct {
		Handle, OrgName, Cc, Phone, Account string
		Entity                              int
		IsActive                            bool
	}
	c.do("POST", "Contact", org).want(http.StatusCreated).decode(&got)
	if got.Entity != 1 || got.OrgName != "Acme SA" || got.Cc != "BE" || got.Phone != "+33.123456789" || got.Account != "RS-000001" || !got.IsActive {
		t.Fatalf("created organisation %+v", got)
	}
	var person struct{ Entity int }
	c.do("GET", "Contact/"+c.createContact(""), nil).want(http.StatusOK).decode(&person)
	if person.Entity != 2 {
		t.Fatalf("an individual has Entity %d, want 2", person.Entity)
	}
}

func TestContactUpdateKeepsCountry(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	handle := c.createContact("")

	moved := contactBody("Ada")
	moved["Cc"] = "DE"
	c.do("PUT", "Contact/"+handle, moved).wantError(http.StatusUnprocessableEntity, 550, "Cc")

	renamed := contactBody("Augusta")
	renamed["City"] = "Lyon"
	var got struct{ Handle, FirstName, City, Cc string }
	c.do("PUT", "Contact/"+handle, renamed).want(http.StatusOK).decode(&got)
	if got.Handle != handle || got.FirstName != "Augusta" || got.City != "Lyon" || got.Cc != "FR" {
		t.Fatalf("updated contact %+v", got)
	}
	c.do("GET", "Contact/"+handle, nil).want(http.StatusOK).decode(&got)
	if got.City != "Lyon" {
		t.Fatalf("the update did not stick: %+v", got)
	}
	c.do("PUT", "Contact/CT-999999", renamed).wantError(http.StatusNotFound, 510, "")
}

func TestLinkedContactCannotBeDeleted(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	owner := c.createContact("")
	tech := c.createContact("")
	d := c.createDomain("", "linked.com", owner)
	c.do("PUT", "Domain/"+d.Handle+"/Contact", []map[string]string{{"Handle": tech, "Type": "T"}}).want(http.StatusOK)

	c.do("DELETE", "Contact/"+owner, nil).wantError(http.StatusConflict, 570, "")
	c.do("DELETE", "Contact/"+tech, nil).wantError(http.StatusConflict, 570, "")

	c.do("PUT", "Domain/"+d.Handle+"/Contact", []map[string]string{{"Handle": owner, "Type": "T"}}).want(http.StatusOK)
	c.do("DELETE", "Contact/"+tech, nil).want(http.StatusNoContent)
	c.do("GET", "Contact/"+tech, nil).wantError(http.StatusNotFound, 510, "")

	c.do("DELETE", "Domain/"+d.Handle, nil).want(http.StatusNoContent)
	c.do("DELETE", "Contact/"+owner, nil).want(http.StatusNoContent)
}
