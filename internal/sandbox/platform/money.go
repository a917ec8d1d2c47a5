package platform

import (
	"encoding/json"
	"fmt"
	"math"
)

// Money is an amount in cents. It is written in JSON as a number with two
// decimals (12.50), so sums are exact and read like a price.
type Money int64

// Cents builds an amount from a number of cents.
func Cents(n int64) Money { return Money(n) }

// Times multiplies the amount by n (a period in years, a quantity).
func (m Money) Times(n int) Money { return m * Money(n) }

func (m Money) String() string {
	sign := ""
	n := int64(m)
	if n < 0 {
		sign, n = "-", -n
	}
	return fmt.Sprintf("%s%d.%02d", sign, n/100, n%100)
}

// Float is the amount in currency units.
func (m Money) Float() float64 { return float64(m) / 100 }

// MarshalJSON writes the amount as a number with two decimals.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalJSON reads a number, rounding it to the cent.
func (m *Money) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("money: %w", err)
	}
	*m = Money(math.Round(f * 100))
	return nil
}
