package transport

import (
	"net/url"
	"strings"
	"testing"
)

func TestIsSecretKey(t *testing.T) {
	t.Parallel()
	secret := []string{
		"password", "Password", "PASSWORD", "pwd", "passwd", "pass", "secret",
		"client_secret", "Client-Secret", "clientSecret", "token", "access_token",
		"refresh_token", "X-Auth-Token", "authinfo", "auth_info", "authcode",
		"private_key", "PrivateKey", "api_key", "apiKey", "X-Api-Key",
		"CleTitulaire", "EnsPassword", "lickey", "license_key", "Pwd", "PWD", "UserPwd", "adminPassword", "super_admin_password", "refresh_tokens", "Passwords",
		"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
	}
	for _, key := range secret {
		if !isSecretKey(key) {
			t.Errorf("isSecretKey(%q) = false, want true", key)
		}
	}
	public := []string{
		"", "user", "username", "login", "token_type", "expires_in", "bypass", "compass",
		"passed", "key", "keys", "public_key", "access", "success", "domain", "Content-Type", "User-Agent", "func",
	}
	for _, key := range public {
		if isSecretKey(key) {
			t.Errorf("isSecretKey(%q) = true, want false", key)
		}
	}
}

func TestRedactHeaderValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, value, want string
	}{
		{"Authorization", "Bearer abc.def", "Bearer ***"},
		{"authorization", "Zoho-oauthtoken 1000.abc", "Zoho-oauthtoken ***"},
		{"Authorization", "rawtoken", "***"},
		{"Proxy-Authorization", "Basic dXNlcjpwdw==", "Basic ***"},
		{"Cookie", "session=abc; theme=dark", "***"},
		{"Set-Cookie", "session=abc; HttpOnly", "***"},
		{"X-Api-Key", "k-123", "***"},
		{"Content-Type", "application/json", "application/json"},
	}
	for _, tt := range tests {
		if got := redactHeaderValue(tt.name, tt.value); got != tt.want {
			t.Errorf("redactHeaderValue(%q, %q) = %q, want %q", tt.name, tt.value, got, tt.want)
		}
	}
}

func TestRedactForm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"authinfo", "func=domain&authinfo=user%3Apw&out=json", "func=domain&authinfo=***&out=json"},
		{"raw colon", "authinfo=user:pw", "authinfo=***"},
		{"escaped key", "auth%5Finfo=user:pw&a=b", "auth%5Finfo=***&a=b"},
		{"several secrets", "username=bob&password=pw&client_secret=cs", "username=bob&password=***&client_secret=***"},
		{"empty secret kept", "password=&a=1", "password=&a=1"},
		{"no value", "password&a=1", "password&a=1"},
		{"pem value", "csr=x&key=-----BEGIN+RSA+PRIVATE+KEY-----%0AMIIabc%0A", "csr=x&key=***"},
		{"truncated", "a=1&refresh_token=1000.ab", "a=1&refresh_token=***"},
		{"nothing secret", "func=license&out=json&elid=12", "func=license&out=json&elid=12"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := redactForm(tt.in); got != tt.want {
			t.Errorf("%s: redactForm(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestRedactURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"https://api.example/billmgr?authinfo=user:pw&func=license", "https://api.example/billmgr?authinfo=***&func=license"},
		{"https://bob:pw@api.example/x?user=client1", "https://bob:xxxxx@api.example/x?user=client1"},
		{"https://api.example/domains/example.com", "https://api.example/domains/example.com"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := redactURL(u); got != tt.want {
			t.Errorf("redactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactBody(t *testing.T) {
	t.Parallel()
	const pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----"
	tests := []struct {
		name, contentType, in, want string
	}{
		{
			name: "json password", contentType: "application/json",
			in:   `{"login":"bob","Password":"s3cret"}`,
			want: `{"login":"bob","Password":"***"}`,
		},
		{
			name: "nested and spaced", contentType: "application/json; charset=utf-8",
			in:   `{"user": {"name": "n", "password" : "x"}, "ok": true}`,
			want: `{"user": {"name": "n", "password" : "***"}, "ok": true}`,
		},
		{
			name: "number and object values", contentType: "application/json",
			in:   `{"pin":1,"token":12345,"auth_info":{"login":"a","pw":"b"},"next":[1,2]}`,
			want: `{"pin":1,"token":"***","auth_info":"***","next":[1,2]}`,
		},
		{
			name: "array value", contentType: "application/json",
			in:   `{"refresh_tokens":["a","b"],"x":1}`,
			want: `{"refresh_tokens":"***","x":1}`,
		},
		{
			name: "escaped key and value", contentType: "application/json",
			in:   `{"pass\u0077ord":"a\"b}","x":"y"}`,
			want: `{"pass\u0077ord":"***","x":"y"}`,
		},
		{
			name: "secret word as a value", contentType: "application/json",
			in:   `{"field":"password","list":["token",":"]}`,
			want: `{"field":"password","list":["token",":"]}`,
		},
		{
			name: "namebay keys", contentType: "application/json",
			in:   `[{"CleTitulaire":"ct-1","EnsPassword":"ep-1","handle":"H1"}]`,
			want: `[{"CleTitulaire":"***","EnsPassword":"***","handle":"H1"}]`,
		},
		{
			name: "namebay hosting passwords", contentType: "application/json",
			in:   `{"HostingHandle":"HO-000001","UserName":"webmaster","Pwd":"s3cret-ftp","Dir":"/www"}`,
			want: `{"HostingHandle":"HO-000001","UserName":"webmaster","Pwd":"***","Dir":"/www"}`,
		},
		{
			name: "pwd in any case", contentType: "application/json",
			in:   `[{"Name":"shop","PWD":"s3cret-db"},{"pwd" : "s3cret-x"}]`,
			want: `[{"Name":"shop","PWD":"***"},{"pwd" : "***"}]`,
		},
		{
			name: "truncated in the value", contentType: "application/json",
			in:   `{"a":1,"access_token":"1000.abcdef`,
			want: `{"a":1,"access_token":"***"`,
		},
		{
			name: "truncated after the colon", contentType: "application/json",
			in:   `{"a":1,"access_token": `,
			want: `{"a":1,"access_token": `,
		},
		{
			name: "json sniffed under another type", contentType: "text/html",
			in:   ` {"client_secret":"cs"}`,
			want: ` {"client_secret":"***"}`,
		},
		{
			name: "form", contentType: "application/x-www-form-urlencoded",
			in:   "authinfo=user:pw&func=license.edit",
			want: "authinfo=***&func=license.edit",
		},
		{
			name: "form sniffed", contentType: "",
			in:   "grant_type=refresh_token&refresh_token=1000.x&client_secret=cs",
			want: "grant_type=refresh_token&refresh_token=***&client_secret=***",
		},
		{
			name: "pem in json", contentType: "application/json",
			in:   `{"csr":"c","key":"-----BEGIN PRIVATE KEY-----\nMIIEsecret\n-----END PRIVATE KEY-----\n"}`,
			want: `{"csr":"c","key":"-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----\n"}`,
		},
		{
			name: "pem in text", contentType: "text/plain",
			in:   "key:\n" + pem + "\ncert follows",
			want: "key:\n-----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY-----\ncert follows",
		},
		{
			name: "pem truncated", contentType: "text/plain",
			in:   "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI",
			want: "-----BEGIN EC PRIVATE KEY-----***",
		},
		{
			name: "certificate kept", contentType: "text/plain",
			in:   "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----",
			want: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----",
		},
		{
			name: "plain text kept", contentType: "text/plain",
			in:   "password is not a key here",
			want: "password is not a key here",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := string(redactBody(tt.contentType, []byte(tt.in)))
			if got != tt.want {
				t.Errorf("redactBody(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			for _, secret := range []string{"s3cret", "MIIEsecret", "1000.", "ct-1", "ep-1", "MHcCAQEEI"} {
				if strings.Contains(got, secret) {
					t.Errorf("redactBody(%q) leaks %q: %s", tt.in, secret, got)
				}
			}
		})
	}
}
