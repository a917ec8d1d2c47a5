// Package dnsrecord holds the canonical form of DNS owner names and record
// data, per record type, as the Namebay API stores them. The
// reseller_dns_record resource compares records in this form, so two
// spellings of the same record never show a diff, and refuses at plan what
// has no canonical form, so nothing is sent that cannot be read back.
//
// Canonical turns the resource's attributes (zone, type, name, value,
// priority) into a Record holding the API's fields; FromAPI does the same for
// a record the API returned; Record.Equal compares them. On Read the resource
// keeps the spelling in state while it canonicalises to the API's record, and
// writes Record.Display otherwise (import, drift). Errors carry the Field of
// the attribute that is wrong.
//
// # Names
//
//	attribute  accepted spellings                        canonical form
//	zone       example.com, Example.COM., example.com.   example.com
//	zone       café.fr, CAFÉ.FR., xn--caf-dma.fr         xn--caf-dma.fr
//	name       "", "@", example.com, EXAMPLE.COM.        @ (the apex)
//	name       www, WWW, www.example.com.                www
//	name       www.example.com (ends with the zone)      www
//	name       *.dev, _dmarc, _sip._TCP, Bücher          *.dev, _dmarc, _sip._tcp, xn--bcher-kva
//
// Every name is lower-case ASCII in canonical form: internationalised labels
// are converted to punycode (IDNA2008 with the UTS #46 lookup mapping), so
// "münchen.de" and "xn--mnchen-3ya.de" are the same name. Labels hold 1 to
// 63 letters, digits and hyphens, not at either end; owner names may also
// hold underscores, and "*" as their whole leftmost label. A zone has at
// least two labels and at most 253 characters; a Host at most 200, and 253
// with the zone.
//
// A name that ends with a dot is absolute and must lie inside the zone. A
// name without the final dot that ends with the zone is taken as absolute
// too ("www.example.com" in zone "example.com" is "www"); any other name is
// relative to the zone. SRV names start with _service._proto, and a CNAME
// cannot be at the apex (ValidateOwner).
//
// # Values
//
//	type   value accepted                                   priority   canonical Data (API fields)
//	A      192.0.2.1 (dotted IPv4, no leading zeros)        refused    192.0.2.1
//	AAAA   any IPv6 spelling: 2001:DB8:0:0::1               refused    2001:db8::1 (RFC 5952)
//	CNAME  Target.Example.NET., münchen.de                  refused    target.example.net, xn--mnchen-3ya.de
//	MX     Mail.Example.COM.                                required   mail.example.com; Weight = priority
//	NS     NS1.Example.NET.                                 refused    ns1.example.net
//	TXT    v=spf1 -all                                      refused    "v=spf1 -all"
//	TXT    "part one" "part \"two\""                        refused    "part one" "part \"two\""
//	SRV    weight port target: 5 5060 SIP.Example.COM.      required   5 5060 sip.example.com; Weight = priority
//	CAA    flags tag value: 0 ISSUE letsencrypt.org         refused    0 issue "letsencrypt.org"
//	NAPTR  preference "flags" "service" "regexp" replacement
//	       10 s "SIP+D2U" "" _sip._udp.example.com.         required   Data = _sip._udp.example.com; Weight = priority
//	                                                                   (the order); NaptrPreference = 10;
//	                                                                   NaptrFlag = S; NaptrService = SIP+D2U;
//	                                                                   NaptrRegExp = ""
//
// Priorities run from 0 to 65535: the MX preference, the SRV priority, the
// NAPTR order. Numbers inside values are written back in plain decimal.
// NAPTR flags are at most 8 letters and digits, and the service at most 64
// letters, digits and "+:._-" characters, as the API stores them.
//
// Targets (CNAME, MX, NS, the SRV target, the NAPTR replacement) are always
// absolute, with or without the final dot: "mail" is refused as a single
// label rather than read as mail.<zone>. IP addresses are refused as targets.
// "." means "no target" for SRV and NAPTR only: the API stores MX data as a
// host name, so a null MX (RFC 7505) is refused. CNAME targets
// and NAPTR replacements may hold underscores (DKIM and ACME delegations,
// _sip._udp names); MX, NS and SRV targets are host names and may not.
//
// An IPv4-mapped IPv6 address (::ffff:192.0.2.1) is refused in AAAA records:
// it belongs in an A record, and implementations print it differently, so it
// would not round-trip reliably.
//
// # TXT
//
// A TXT value whose first non-space character is a double quote is a list
// of quoted strings separated by spaces, tabs or line breaks; inside quotes
// \" and \\ are the only escapes, and each string holds at most 255 bytes.
// Any other value is the text itself, byte for byte (quotes and backslashes
// included), split into strings of at most 255 bytes, never inside a UTF-8
// sequence. The canonical form is the API's stored form: every string quoted
// with \" and \\ escaped, strings separated by one space. Text holds no
// control characters (a heredoc's final newline is the usual culprit), at
// most 4096 bytes, and at most 4096 bytes once quoted.
//
// Two TXT values are equal when their canonical forms are: the strings must
// match, not only their concatenation. "ab" "cd" and "abcd" are different
// records on the wire, and consumers differ on how to join strings (SPF and
// DKIM concatenate, others do not), so a change from one to the other must
// reach the API. The text written unquoted is the same record as the API's
// stored, split form of that text, and the provider always sends the
// canonical form, so what it sends is what it reads back.
//
// # Display
//
// Record.Display writes a record as the resource's attributes. Name is the
// Host ("@" for the apex), written absolute with the final dot when the Host
// itself ends with the zone's name. Value is the canonical Data, except that
// TXT text is written unquoted when it splits back into the same strings, and
// NAPTR is written as `preference "flags" "service" "regexp" replacement`.
// For every canonical record, Canonical of its Display is the record again.
package dnsrecord
