package acctest

import (
	"net/http"
	"testing"
)

// SetCertValidation sets whether the sandbox lets HTTP and e-mail
// validations of certificates pass.
func (s *Sandbox) SetCertValidation(t testing.TB, httpPasses, emailPasses bool) {
	t.Helper()
	s.admin(t, http.MethodPut, "/_sandbox/settings", map[string]bool{"CertHttpValidation": httpPasses, "CertEmailValidation": emailPasses}, nil)
}
