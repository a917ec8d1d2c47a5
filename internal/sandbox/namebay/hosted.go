package namebay

import "strings"

// RecordsAt returns the data of the records of type typ at fqdn, in the
// hosted zone that is the longest suffix of fqdn, whichever account hosts
// it: what a resolver would see, for the other partners' checks (Zoho's
// domain verification). TXT values come unquoted. Call it under the world
// lock.
func (e *Emulator) RecordsAt(fqdn, typ string) []string {
	fqdn = strings.TrimSuffix(strings.ToLower(fqdn), ".")
	for zoneName := fqdn; zoneName != ""; _, zoneName, _ = strings.Cut(zoneName, ".") {
		z := e.zonesByName[zoneName]
		if z == nil {
			continue
		}
		host := "@"
		if zoneName != fqdn {
			host = strings.TrimSuffix(fqdn, "."+zoneName)
		}
		var out []string
		for _, r := range z.byHost[host] {
			if r.Type != typ {
				continue
			}
			if typ == "TXT" {
				out = append(out, txtText(r.Data))
			} else {
				out = append(out, r.Data)
			}
		}
		return out
	}
	return nil
}
