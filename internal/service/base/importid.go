package base

import (
	"fmt"
	"strings"
)

// ParseImportID splits a `/`-separated import ID against the formats a
// resource accepts, e.g. "zone/id" and "client_account/zone/id". The format
// with as many parts as the ID wins; every part must be non-empty. The error
// lists the accepted formats.
func ParseImportID(id string, formats ...string) (map[string]string, error) {
	parts := strings.Split(id, "/")
	for _, format := range formats {
		names := strings.Split(format, "/")
		if len(names) != len(parts) {
			continue
		}
		values := make(map[string]string, len(names))
		for i, name := range names {
			if strings.TrimSpace(parts[i]) == "" {
				return nil, importIDError(id, formats)
			}
			values[name] = parts[i]
		}
		return values, nil
	}
	return nil, importIDError(id, formats)
}

func importIDError(id string, formats []string) error {
	quoted := make([]string, len(formats))
	for i, f := range formats {
		quoted[i] = "<" + strings.ReplaceAll(f, "/", ">/<") + ">"
	}
	return fmt.Errorf("import ID %q does not match the expected format %s", id, strings.Join(quoted, " or "))
}
