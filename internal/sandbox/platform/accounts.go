package platform

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"regexp"
)

const accountsBucket = "platform.accounts"

// Account kinds.
const (
	KindReseller = "reseller"
	KindClient   = "client"
)

// Account is a partner account: a reseller, or a client account of a
// reseller. Accounts are never deleted or changed once created.
type Account struct {
	Family   string
	Login    string
	Password string `json:",omitempty"`
	Kind     string
	Reseller string // login of the reseller of a client account
	Handle   string // RS-000001, CL-000001
}

// Public is the account without its password.
func (a Account) Public() Account {
	a.Password = ""
	return a
}

// CanReach reports whether an object owned by the account handle owner is
// within reach of by: its own, or a client's when by is a reseller.
func (a *Accounts) CanReach(by *Account, owner string) bool {
	if by.Handle == owner {
		return true
	}
	o := a.ByHandle(by.Family, owner)
	return o != nil && by.Kind == KindReseller && o.Kind == KindClient && o.Reseller == by.Login
}

// Accounts is the registry of every family's accounts.
type Accounts struct {
	byLogin  map[string]*Account // family + "\x00" + login
	byHandle map[string]*Account // family + "\x00" + handle
	all      []*Account
}

func newAccounts() *Accounts {
	return &Accounts{byLogin: map[string]*Account{}, byHandle: map[string]*Account{}}
}

var loginPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// Create validates and adds an account, giving it the next handle of its
// kind in its family.
func (a *Accounts) Create(tx *Tx, acct Account) (*Account, error) {
	switch {
	case !loginPattern.MatchString(acct.Login):
		return nil, errors.New("a Login is 1-64 letters, digits, '.', '_', '@' or '-'")
	case acct.Password == "":
		return nil, errors.New("a Password is required")
	case a.ByLogin(acct.Family, acct.Login) != nil:
		return nil, fmt.Errorf("%w: %s account %q", ErrExists, acct.Family, acct.Login)
	}
	prefix := "RS"
	switch acct.Kind {
	case KindReseller:
		if acct.Reseller != "" {
			return nil, errors.New("a reseller account has no Reseller")
		}
	case KindClient:
		prefix = "CL"
		r := a.ByLogin(acct.Family, acct.Reseller)
		if r == nil || r.Kind != KindReseller {
			return nil, fmt.Errorf("the Reseller %q is not a %s reseller account", acct.Reseller, acct.Family)
		}
	default:
		return nil, fmt.Errorf("the Kind must be %q or %q", KindReseller, KindClient)
	}
	n := 1
	for _, other := range a.all {
		if other.Family == acct.Family && other.Kind == acct.Kind {
			n++
		}
	}
	acct.Handle = fmt.Sprintf("%s-%06d", prefix, n)
	stored := acct
	if err := a.add(&stored); err != nil {
		return nil, err
	}
	// Keyed by creation rank, so a restart lists them in the same order.
	tx.Put(accountsBucket, Key(int64(len(a.all))), stored)
	return &stored, nil
}

// ErrExists reports a login that is already taken.
var ErrExists = errors.New("already exists")

func (a *Accounts) add(acct *Account) error {
	lk, hk := acct.Family+"\x00"+acct.Login, acct.Family+"\x00"+acct.Handle
	if a.byLogin[lk] != nil || a.byHandle[hk] != nil {
		return fmt.Errorf("%w: %s account %s", ErrExists, acct.Family, acct.Login)
	}
	a.byLogin[lk], a.byHandle[hk] = acct, acct
	a.all = append(a.all, acct)
	return nil
}

// ByLogin finds an account by family and login.
func (a *Accounts) ByLogin(family, login string) *Account { return a.byLogin[family+"\x00"+login] }

// ByHandle finds an account by family and handle.
func (a *Accounts) ByHandle(family, handle string) *Account {
	return a.byHandle[family+"\x00"+handle]
}

// Authenticate returns the account of family whose login and password match.
func (a *Accounts) Authenticate(family, login, password string) *Account {
	acct := a.ByLogin(family, login)
	if acct == nil || subtle.ConstantTimeCompare([]byte(acct.Password), []byte(password)) != 1 {
		return nil
	}
	return acct
}

// All lists every account, without passwords, in creation order.
func (a *Accounts) All() []Account {
	out := make([]Account, 0, len(a.all))
	for _, acct := range a.all {
		out = append(out, acct.Public())
	}
	return out
}

// RandomSecret returns n random letters and digits, safe to print in a
// shell line.
func RandomSecret(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	out := make([]byte, 0, n)
	buf := make([]byte, 2*n)
	for len(out) < n {
		rand.Read(buf)
		for _, b := range buf {
			// 248 is the largest multiple of 62 below 256: rejecting the
			// bytes above it keeps every character equally likely.
			if b < 248 && len(out) < n {
				out = append(out, alphabet[int(b)%len(alphabet)])
			}
		}
	}
	return string(out)
}
