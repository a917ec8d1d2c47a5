package zohomail

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Scopes of the routes. A group's .ALL scope covers its others.
const (
	scopeOrgCreate    = "ZohoMail.partner.organization.CREATE"
	scopeOrgRead      = "ZohoMail.partner.organization.READ"
	scopeOrgUpdate    = "ZohoMail.partner.organization.UPDATE"
	scopeDomainCreate = "ZohoMail.organization.domains.CREATE"
	scopeDomainRead   = "ZohoMail.organization.domains.READ"
	scopeDomainUpdate = "ZohoMail.organization.domains.UPDATE"
	scopeAccounts     = "ZohoMail.organization.accounts.ALL"
	scopeStore        = "ZohoPayments.partnersubscription.all"
)

var allScopes = []string{"ZohoMail.partner.organization.ALL", "ZohoMail.organization.domains.ALL", scopeAccounts, scopeStore}

// Zoho's caps: 10 access tokens per refresh token in 10 minutes (the
// default of Emulator.MintCap), 15 live.
const (
	defaultMintCap = 10
	mintWindow     = 10 * time.Minute
	liveCap        = 15
)

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (e *Emulator) mintRefresh(tx *platform.Tx, login string, scopes []string) *refreshToken {
	r := &refreshToken{Token: "1000." + randomHex(16) + "." + randomHex(16), Login: login, Scopes: slices.Clone(scopes), Created: e.world.Clock.Now()}
	e.saveRefresh(tx, r)
	return r
}

// covers reports whether the granted scopes allow scope: by name, or by
// the .ALL scope of its group.
func covers(granted []string, scope string) bool {
	group := scope[:strings.LastIndex(scope, ".")]
	for _, g := range granted {
		if strings.EqualFold(g, scope) || strings.EqualFold(g, group+".ALL") {
			return true
		}
	}
	return false
}

func tokenError(w http.ResponseWriter, code, description string) {
	body := map[string]string{"error": code}
	if description != "" {
		body["error_description"] = description
	}
	writeJSON(w, http.StatusOK, body)
}

// token serves the refresh grant. Its errors answer HTTP 200, as Zoho's do.
func (e *Emulator) token(w http.ResponseWriter, r *http.Request, tx *platform.Tx) {
	if err := r.ParseForm(); err != nil {
		tokenError(w, "invalid_request", "")
		return
	}
	if r.Form.Get("grant_type") != "refresh_token" {
		tokenError(w, "unsupported_grant_type", "")
		return
	}
	c, ok := e.clients[r.Form.Get("client_id")]
	acct := e.world.Accounts.ByLogin(Family, c.Login)
	if !ok || acct == nil || e.world.Accounts.Authenticate(Family, c.Login, r.Form.Get("client_secret")) == nil {
		tokenError(w, "invalid_client", "")
		return
	}
	grant := e.refresh[r.Form.Get("refresh_token")]
	if grant == nil || grant.Revoked || grant.Login != c.Login {
		tokenError(w, "invalid_code", "")
		return
	}
	now := e.world.Clock.Now()
	recent := e.minted[grant.Token][:0:0]
	for _, t := range e.minted[grant.Token] {
		if now.Sub(t) < mintWindow {
			recent = append(recent, t)
		}
	}
	if len(recent) >= e.MintCap {
		e.minted[grant.Token] = recent
		tokenError(w, "Access Denied", "You have made too many requests continuously. Please try again after some time.")
		return
	}
	e.minted[grant.Token] = append(recent, now)
	e.total[grant.Token]++
	e.evictOldest(grant.Token, now)
	access := "1000." + randomHex(16) + "." + randomHex(16)
	e.access[access] = accessToken{refresh: grant.Token, login: grant.Login, expires: now.Add(e.TokenLifetime)}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": access, "api_domain": "https://www.zohoapis.com", "token_type": "Bearer", "expires_in": int(e.TokenLifetime.Seconds()),
	})
}

// evictOldest keeps at most liveCap-1 live tokens of a grant before a new
// one is added, dropping the oldest.
func (e *Emulator) evictOldest(refresh string, now time.Time) {
	var live []string
	for tok, a := range e.access {
		if a.refresh == refresh {
			if now.After(a.expires) {
				delete(e.access, tok)
				continue
			}
			live = append(live, tok)
		}
	}
	slices.SortFunc(live, func(a, b string) int { return e.access[a].expires.Compare(e.access[b].expires) })
	for len(live) >= liveCap {
		delete(e.access, live[0])
		live = live[1:]
	}
}

// revoke serves POST oauth/v2/token/revoke?token=<refresh token>.
func (e *Emulator) revoke(w http.ResponseWriter, r *http.Request, tx *platform.Tx) {
	if grant := e.refresh[r.URL.Query().Get("token")]; grant != nil {
		e.revokeGrant(tx, grant)
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "success"})
}

func (e *Emulator) revokeGrant(tx *platform.Tx, grant *refreshToken) {
	grant.Revoked = true
	e.saveRefresh(tx, grant)
	for tok, a := range e.access {
		if a.refresh == grant.Token {
			delete(e.access, tok)
		}
	}
}

func (e *Emulator) adminMintRefresh(w http.ResponseWriter, r *http.Request, tx *platform.Tx) {
	var in struct {
		Login  string
		Scopes []string
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || e.world.Accounts.ByLogin(Family, in.Login) == nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"Error": "give the Login of a zoho account and its Scopes"})
		return
	}
	grant := e.mintRefresh(tx, in.Login, in.Scopes)
	writeJSON(w, http.StatusCreated, map[string]string{"RefreshToken": grant.Token})
}

func (e *Emulator) adminRevoke(w http.ResponseWriter, r *http.Request, tx *platform.Tx) {
	grant := e.refresh[r.PathValue("token")]
	if grant == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"Error": "no such refresh token"})
		return
	}
	e.revokeGrant(tx, grant)
	writeJSON(w, http.StatusOK, map[string]bool{"Revoked": true})
}

// adminLimits serves PUT /_sandbox/zoho/limits: {"MintCap": n} sets how
// many access tokens a refresh token may mint in 10 minutes.
func (e *Emulator) adminLimits(w http.ResponseWriter, r *http.Request, _ *platform.Tx) {
	var in struct{ MintCap int }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.MintCap < 1 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"Error": "give a MintCap of at least 1"})
		return
	}
	e.MintCap = in.MintCap
	writeJSON(w, http.StatusOK, map[string]int{"MintCap": e.MintCap})
}

func (e *Emulator) adminTokens(w http.ResponseWriter, _ *http.Request, _ *platform.Tx) {
	now := e.world.Clock.Now()
	out := map[string]map[string]int{}
	for tok := range e.refresh {
		live := 0
		for _, a := range e.access {
			if a.refresh == tok && !now.After(a.expires) {
				live++
			}
		}
		out[tok[len(tok)-6:]] = map[string]int{"Minted": e.total[tok], "Live": live}
	}
	writeJSON(w, http.StatusOK, out)
}
