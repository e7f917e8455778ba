#!/usr/bin/env bash
# Loads a small synthetic demo population through the command API, as the foreigners' authority would.
# The names are combinations from short lists: synthetic, not real people.
#   scripts/demo-data.sh [COMMAND_API_BASE_URL]   (default http://localhost:8081)
set -euo pipefail
base=${1:-http://localhost:8081}

family=(Haddad Karimi Kovalenko Mensah Yilmaz Popescu Nazari Hussaini Bondarenko Okafor Demir Rahimi)
given=("Amal" "Farid" "Olena" "Kwame" "Elif" "Ionut" "Samira" "Yusuf" "Daria" "Chidi" "Leyla" "Omid")
sexes=(FEMALE MALE FEMALE MALE FEMALE MALE FEMALE MALE FEMALE MALE DIVERSE UNSPECIFIED)
nations=(SYR AFG UKR GHA TUR ROU IRN IRQ UKR NGA TUR AFG)
places=(15085135 15085370 15085235)

created=0
for i in $(seq 0 35); do
  f=${family[$(( (i * 5) % 12 ))]}
  g=${given[$(( i % 12 ))]}
  body=$(printf '{"familyName":"%s","givenNames":"%s","dateOfBirth":"%d-%02d-%02d","sex":"%s","nationality":"%s","entryDate":"%d-%02d-%02d","municipality":"%s"}' \
    "$f" "$g" $((1960 + (i * 7) % 45)) $((1 + i % 12)) $((1 + (i * 3) % 28)) "${sexes[$((i % 12))]}" \
    "${nations[$((i % 12))]}" $((2015 + i % 10)) $((1 + (i * 5) % 12)) $((1 + (i * 11) % 28)) "${places[$((i % 3))]}")
  status=$(curl -s -o /dev/null -w '%{http_code}' -u abh:demo -X POST "$base/api/v1/persons" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: demo-person-$i" -d "$body")
  if [ "$status" = 201 ]; then created=$((created + 1)); else echo "[kiim] demo person $i: HTTP $status" >&2; fi
done
echo "[kiim] demo data: $created persons registered"
