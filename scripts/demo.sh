#!/usr/bin/env bash
# The quick start, end to end: start the sandbox on a fresh data file, apply
# examples/quickstart with the real Terraform CLI, show that a second plan is
# empty, change a record and the site's PHP version behind Terraform's back and
# show the drift.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
: "${PLUGIN_DIR:?set by make demo}" "${SANDBOX:?set by make demo}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export TF_CLI_CONFIG_FILE=${TF_CLI_CONFIG_FILE:-$root/.cache/terraform.tfrc}
mkdir -p "$(dirname "$TF_CLI_CONFIG_FILE")" && touch "$TF_CLI_CONFIG_FILE"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/reseller-demo.XXXXXX")
sandbox_pid=
cleanup() {
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" && wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say "Starting the sandbox (data file $work/sandbox.db)"
"$SANDBOX" serve --listen 127.0.0.1:0 --data "$work/sandbox.db" >"$work/sandbox.env" 2>"$work/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 100); do
  grep -q '^# reseller-sandbox listening' "$work/sandbox.env" 2>/dev/null && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log"; exit 1; }
  sleep 0.1
done
eval "$(grep '^export ' "$work/sandbox.env")"
admin=${RESELLER_NAMEBAY_ENDPOINT%/namebay}
grep '^export' "$work/sandbox.env" | sed -E 's/(PASSWORD|SECRET|TOKEN)=.*/\1=********/'

# Fresh passwords for this run: ephemeral variables, never in the state.
password() { printf 'Demo-%s-7' "$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }
TF_VAR_ftp_password=$(password) TF_VAR_db_password=$(password)
export TF_VAR_ftp_password TF_VAR_db_password

cp "$root"/examples/quickstart/*.tf "$work/"
cd "$work"

say "terraform init -plugin-dir (offline, provider built from this checkout)"
terraform init -input=false -no-color -plugin-dir="$PLUGIN_DIR" >/dev/null
terraform version | head -1

say "terraform apply: a contact, a domain with hosted DNS and its records, a hosting pack with an FTP user and a database, a certificate validated through DNS, an ispmanager licence, a Zoho Mail org, the customer account on the call-analytics platform"
terraform apply -input=false -auto-approve -no-color

say "The state holds no password"
if terraform state pull | grep -qF -e "$TF_VAR_ftp_password" -e "$TF_VAR_db_password"; then
  echo "FAIL: a password was written to the state"; exit 1
fi
echo "OK: neither password is in the state"

say "The certificate the sandbox CA issued"
terraform output -raw certificate_not_after; echo " (not after)"
if command -v openssl >/dev/null 2>&1; then
  terraform state show -no-color reseller_ssl_certificate_validation.site |
    sed -n '/certificate_pem/,/EOT/p' | sed '1s/.*<<-EOT//;$d' | sed 's/^ *//' |
    openssl x509 -noout -subject -issuer -ext subjectAltName 2>/dev/null || true
fi

say "The customer account and its administrator's invitation"
terraform state show -no-color reseller_customer.acme |
  grep -E '^ *(id|reference|product_type|status|invitation_state|email) ' || true

say "The panel licence (its key is Sensitive: the CLI does not print it)"
terraform state show -no-color reseller_ispmanager_license.panel |
  grep -E '^ *(id|product_name|ip|status|expiry_date|license_key) ' || true

say "terraform plan again: nothing should change (exit code 0)"
set +e
terraform plan -input=false -detailed-exitcode -no-color >"$work/plan2.txt"
code=$?
set -e
tail -n 3 "$work/plan2.txt"
if [ "$code" -ne 0 ]; then
  cat "$work/plan2.txt"
  echo "FAIL: the second plan is not empty (exit code $code)"; exit 1
fi
echo "OK: empty plan"

say "terraform apply -refresh-only: the refresh verifies the Zoho Mail domain"
terraform apply -refresh-only -input=false -auto-approve -no-color >"$work/refresh.txt"
status=$(terraform state show -no-color reseller_zoho_mail_org.mail | sed -n 's/^ *verification_status *= *"\(.*\)"/\1/p')
echo "verification_status = $status"
if [ "$status" != "verified" ]; then
  cat "$work/refresh.txt"
  echo "FAIL: Zoho did not verify the domain although its CNAME is published"; exit 1
fi

say "Changing the www record behind Terraform's back (sandbox admin API)"
zone=$(terraform output -raw zone_handle)
record=$(terraform output -raw www_record_id)
curl -fsS -X PUT -H 'Content-Type: application/json' \
  -d '{"Host":"www","Type":"A","Data":"198.51.100.66"}' \
  "$admin/_sandbox/as/$RESELLER_NAMEBAY_USERNAME/namebay/api/Zone/$zone/Record/$record" >/dev/null
echo "www now points at 198.51.100.66 in the sandbox"
pack=$(terraform output -raw hosting_handle)
curl -fsS -X PUT -H 'Content-Type: application/json' \
  -d '{"FrameWork":{"Type":"PHP","Version":"8.1"}}' \
  "$admin/_sandbox/as/$RESELLER_NAMEBAY_USERNAME/namebay/api/Hosting/$pack" >/dev/null
echo "the site now runs PHP 8.1 in the sandbox"
license=$(terraform output -raw license_id)
curl -fsS -X POST --data-urlencode "func=soft.edit" --data-urlencode "elid=$license" \
  --data-urlencode "ip=198.51.100.9" --data-urlencode "sok=ok" --data-urlencode "out=json" \
  "$admin/_sandbox/as/$RESELLER_ISPMANAGER_USERNAME/ispmanager/billmgr" >/dev/null
echo "the panel licence $license is now bound to 198.51.100.9 on the partner's side"

say "terraform plan: the three drifts show (exit code 2)"
set +e
terraform plan -input=false -detailed-exitcode -no-color >"$work/plan3.txt"
code=$?
set -e
sed -n '/will be updated in-place/,/Plan:/p' "$work/plan3.txt"
if [ "$code" -ne 2 ] || ! grep -q 'reseller_dns_record.site\["www"\] will be updated' "$work/plan3.txt" ||
  ! grep -q 'reseller_hosting_pack.site will be updated' "$work/plan3.txt" ||
  ! grep -q 'reseller_ispmanager_license.panel will be updated' "$work/plan3.txt"; then
  cat "$work/plan3.txt"
  echo "FAIL: the plan does not show the three out-of-band changes (exit code $code)"; exit 1
fi
echo "OK: drift detected"

say "Billable operations recorded by the sandbox"
curl -fsS "$admin/_sandbox/ledger"; echo

say "Stopping the sandbox"
kill "$sandbox_pid" && wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=
echo "Demo complete."
