package zohomail

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// ZOID is the ID of a Zoho organisation. Zoho sends it as a JSON string in
// the create answer and as a number everywhere else; it decodes from both.
type ZOID string

func (z *ZOID) UnmarshalJSON(b []byte) error {
	s, err := stringOrNumber(b)
	if err != nil {
		return fmt.Errorf("zoid: %w", err)
	}
	*z = ZOID(s)
	return nil
}

// flexString is a string Zoho may send as a number.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	v, err := stringOrNumber(b)
	*s = flexString(v)
	return err
}

// stringOrNumber reads a JSON string, a number (kept digit for digit) or
// null ("").
func stringOrNumber(b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		return "", nil
	case len(b) > 0 && b[0] == '"':
		var s string
		err := json.Unmarshal(b, &s)
		return s, err
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return "", fmt.Errorf("want a string or a number, got %s", b)
	}
	return n.String(), nil
}

// flexInt is an integer Zoho may send as a number or a numeric string;
// null and "" are 0.
type flexInt int64

func (n *flexInt) UnmarshalJSON(b []byte) error {
	s, err := stringOrNumber(b)
	if err != nil {
		return err
	}
	if s == "" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			return fmt.Errorf("want an integer, got %s", b)
		}
		v = int64(f)
	}
	*n = flexInt(v)
	return nil
}
