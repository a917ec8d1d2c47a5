package ispmanager

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// balanceLine is one account's balance in the admin API.
type balanceLine struct {
	Login    string
	Balance  string
	Currency string
}

// AdminRoutes serves GET and PUT /_sandbox/ispmanager/balance.
func (e *Emulator) AdminRoutes(r platform.Router) {
	r.Handle("GET /balance", func(w http.ResponseWriter, _ *http.Request, _ *platform.Tx) {
		lines := []balanceLine{}
		for _, a := range e.world.Accounts.All() {
			if a.Family == Family {
				lines = append(lines, balanceLine{Login: a.Login, Balance: e.balance(a.Handle).String(), Currency: currency})
			}
		}
		writeAdmin(w, http.StatusOK, lines)
	})
	r.Handle("PUT /balance", func(w http.ResponseWriter, req *http.Request, tx *platform.Tx) {
		var in struct{ Login, Balance string }
		if err := json.NewDecoder(req.Body).Decode(&in); err != nil {
			writeAdmin(w, http.StatusBadRequest, map[string]string{"Error": "malformed body: " + err.Error()})
			return
		}
		acct := e.world.Accounts.ByLogin(Family, in.Login)
		amount, err := strconv.ParseFloat(in.Balance, 64)
		switch {
		case acct == nil:
			writeAdmin(w, http.StatusNotFound, map[string]string{"Error": "no ispmanager account " + strconv.Quote(in.Login)})
			return
		case err != nil || amount < 0:
			writeAdmin(w, http.StatusBadRequest, map[string]string{"Error": "Balance must be a non-negative amount such as \"12.00\""})
			return
		}
		e.setBalance(tx, acct.Handle, platform.Money(amount*100+0.5))
		writeAdmin(w, http.StatusOK, balanceLine{Login: acct.Login, Balance: e.balance(acct.Handle).String(), Currency: currency})
	})
}

func writeAdmin(w http.ResponseWriter, status int, v any) {
	body, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
