#!/usr/bin/env bash
# Loads a small synthetic demo population through the command API, as the district's agencies would record it:
# registrations by the foreigners' authority, residence and benefit changes, language courses at the
# Volkshochschule, education and jobs at the Jobcenter, counselling, moves, end of support, a legal hold and an
# erasure — every event type at least once. Each step comes from an agency that sees the person by the link
# rules (docs/entitlements.md): the foreigners' authority shares a case before the Sozialamt or Jobcenter records a
# benefit regime, enrols a person with the Volkshochschule, and records the consent for migration counselling. Names are combinations from short lists: synthetic, not real people.
# Every request carries an Idempotency-Key, so running the script twice within a day changes nothing; later, the
# registrations are recognised as duplicates and the persons skipped.
#   scripts/demo-data.sh [COMMAND_API_BASE_URL]   (default http://localhost:8081)
set -euo pipefail
base=${1:-http://localhost:8081}

family=(Haddad Karimi Kovalenko Mensah Yilmaz Popescu Nazari Hussaini Bondarenko Okafor Demir Rahimi)
given=("Amal" "Farid" "Olena" "Kwame" "Elif" "Ionut" "Samira" "Yusuf" "Daria" "Chidi" "Leyla" "Omid")
sexes=(FEMALE MALE FEMALE MALE FEMALE MALE FEMALE MALE FEMALE MALE DIVERSE UNSPECIFIED)
nations=(SYR AFG UKR GHA TUR ROU IRN IRQ UKR NGA TUR AFG)
places=(15085135 15085370 15085235)
occupations=(29302 52122 81302 43412 25212 54101)

out=$(mktemp)
trap 'rm -f "$out"' EXIT
failures=0

# post USER PATH KEY BODY: sends one command; prints the answer's status; the body lands in $out.
post() {
  curl -s -o "$out" -w '%{http_code}' -u "$1:demo" -X POST "$base$2" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $3" -d "$4"
}

# step USER PATH KEY BODY: a step that must succeed.
step() {
  local status
  status=$(post "$@")
  case "$status" in
    2*) ;;
    *) failures=$((failures + 1)); echo "[kiim] demo step $3: HTTP $status $(head -c 300 "$out")" >&2 ;;
  esac
}

field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$out"; }

created=0
for i in $(seq 0 35); do
  f=${family[$(( (i * 5) % 12 ))]}
  g=${given[$(( i % 12 ))]}
  year=$((2015 + i % 10))
  month=$(printf '%02d' $((1 + (i * 5) % 12)))
  body=$(printf '{"familyName":"%s","givenNames":"%s","dateOfBirth":"%d-%02d-%02d","sex":"%s","nationality":"%s","entryDate":"%d-%s-%02d","municipality":"%s"}' \
    "$f" "$g" $((1960 + (i * 7) % 45)) $((1 + i % 12)) $((1 + (i * 3) % 28)) "${sexes[$((i % 12))]}" \
    "${nations[$((i % 12))]}" "$year" "$month" $((1 + (i * 11) % 28)) "${places[$((i % 3))]}")
  status=$(post abh /api/v1/persons "demo-$i-registration" "$body")
  if [ "$status" = 409 ]; then
    continue # registered by an earlier run
  elif [ "$status" != 201 ]; then
    failures=$((failures + 1)); echo "[kiim] demo person $i: HTTP $status" >&2; continue
  fi
  created=$((created + 1))
  id=$(field personId)
  p="/api/v1/persons/$id"
  next=$((year + 1))

  case $((i % 3)) in
    # An asylum seeker: the Sozialamt grants AsylbLG, then hands the recognised refugee over to the Jobcenter.
    0) step abh "$p/residence-status" "demo-$i-gestattung" "{\"status\":\"GESTATTUNG\",\"validFrom\":\"$year-$month-20\"}"
       step abh "$p/case-shares" "demo-$i-share-sozialamt" "{\"agency\":\"sozialamt-harz\",\"legalBasis\":\"SGB_X_69\",\"sharedOn\":\"$year-$month-20\"}"
       step sozialamt "$p/benefit-regime" "demo-$i-asylblg" "{\"regime\":\"ASYLBLG\",\"since\":\"$year-$month-20\"}"
       step abh "$p/residence-status" "demo-$i-refugee" "{\"status\":\"AE_25_2_REFUGEE\",\"validFrom\":\"$next-01-15\",\"validUntil\":\"$((next + 3))-01-14\"}"
       step sozialamt "$p/benefit-regime" "demo-$i-sgb2" "{\"regime\":\"SGB_II\",\"since\":\"$next-02-01\"}" ;;
    # Temporary protection: the foreigners' authority refers the person to the Jobcenter.
    1) step abh "$p/residence-status" "demo-$i-temporary" "{\"status\":\"AE_24\",\"validFrom\":\"$year-$month-28\",\"validUntil\":\"$((year + 2))-03-04\"}"
       step abh "$p/case-shares" "demo-$i-share-jobcenter" "{\"agency\":\"jobcenter-harz\",\"legalBasis\":\"SGB_X_69\",\"sharedOn\":\"$year-$month-28\"}"
       step jobcenter "$p/benefit-regime" "demo-$i-sgb2" "{\"regime\":\"SGB_II\",\"since\":\"$next-01-01\"}" ;;
    2) step abh "$p/residence-status" "demo-$i-family" "{\"status\":\"AE_FAMILY\",\"validFrom\":\"$year-$month-28\"}" ;;
  esac

  if [ $((i % 2)) = 0 ]; then
    # The foreigners' authority entitles the person to an integration course (§ 44 AufenthG) at the Volkshochschule.
    if post abh "$p/courses" "demo-$i-course" "{\"courseType\":\"INTEGRATION_GENERAL\",\"startsOn\":\"$next-03-01\",\"enrolledOn\":\"$next-02-01\",\"providerAgency\":\"vhs-harz\"}" | grep -q '^2'; then
      course="$p/courses/$(field enrolmentId)"
      step sprachkurs "$p/language-assessments" "demo-$i-placement" "{\"skill\":\"OVERALL\",\"level\":\"A1\",\"method\":\"PLACEMENT_TEST\",\"assessedOn\":\"$next-02-20\"}"
      if [ $((i % 4)) = 0 ]; then
        step sprachkurs "$course/interruptions" "demo-$i-pause" "{\"reason\":\"ILLNESS\",\"interruptedOn\":\"$next-05-10\"}"
        step sprachkurs "$course/resumptions" "demo-$i-back" "{\"resumedOn\":\"$next-06-01\"}"
        step sprachkurs "$course/completion" "demo-$i-done" "{\"examResults\":[\"DTZ_B1\",\"LID_PASSED\"],\"levelReached\":\"B1\",\"completedOn\":\"$next-12-15\"}"
      else
        step sprachkurs "$course/drop-out" "demo-$i-dropout" "{\"reason\":\"EMPLOYMENT\",\"lastAttendedOn\":\"$next-09-30\"}"
      fi
    else
      failures=$((failures + 1)); echo "[kiim] demo course of person $i: $(head -c 300 "$out")" >&2
    fi
  fi

  occupation=${occupations[$((i % 6))]}
  # The Jobcenter records education and work of the persons it is responsible for (SGB II: cases 0 and 1).
  if [ $((i % 5)) = 0 ] && [ $((i % 3)) != 2 ]; then
    step jobcenter "$p/schooling" "demo-$i-school" "{\"level\":\"ISCED_3\",\"years\":12,\"country\":\"${nations[$((i % 12))]}\",\"recordedOn\":\"$next-02-10\"}"
    step jobcenter "$p/previous-occupations" "demo-$i-former-job" "{\"occupation\":\"$occupation\",\"years\":5,\"country\":\"${nations[$((i % 12))]}\",\"recordedOn\":\"$next-02-10\"}"
    step jobcenter "$p/recognition-decisions" "demo-$i-recognition" "{\"referenceOccupation\":\"$occupation\",\"outcome\":\"PARTIAL\",\"decidedOn\":\"$next-08-20\"}"
  fi
  if [ $((i % 6)) = 0 ]; then
    if post jobcenter "$p/employments" "demo-$i-job" "{\"occupation\":\"$occupation\",\"kind\":\"EMPLOYMENT\",\"weeklyHours\":35,\"startedOn\":\"$((year + 2))-04-01\"}" | grep -q '^2'; then
      [ $((i % 12)) = 0 ] && step jobcenter "$p/employments/$(field employmentId)/end" "demo-$i-job-end" "{\"reason\":\"FIXED_TERM_EXPIRED\",\"endedOn\":\"$((year + 2))-10-31\"}"
    fi
  fi
  if [ $((i % 4)) = 1 ]; then
    # Migration counselling sees a person only by their consent, which the foreigners' authority records (nobody
    # records a consent to itself); the counselling service then records its sessions itself.
    step abh "$p/consents" "demo-$i-consent" "{\"purpose\":\"COUNSELLING\",\"recipientAgency\":\"mbe-harz\",\"evidenceReference\":\"MBE-$i\",\"givenOn\":\"$next-01-10\"}"
    step beratung "$p/counselling-sessions" "demo-$i-counselling" "{\"topics\":[\"LANGUAGE_COURSES\",\"HOUSING\"],\"agreedNextSteps\":\"Anmeldung zum Integrationskurs\",\"heldOn\":\"$next-01-10\"}"
  fi
  if [ $((i % 10)) = 3 ] && [ $((i % 3)) != 0 ]; then
    step abh "$p/case-shares" "demo-$i-share" "{\"agency\":\"sozialamt-harz\",\"legalBasis\":\"SGB_X_69\",\"sharedOn\":\"$next-03-01\"}"
  fi
  case $i in
    13) step abh "$p/case-shares/sozialamt-harz/end" "demo-$i-share-end" "{\"endedOn\":\"$next-09-01\"}" ;;
    29) step beratung "$p/consent-withdrawals" "demo-$i-withdrawal" "{\"purpose\":\"COUNSELLING\",\"recipientAgency\":\"mbe-harz\",\"withdrawnOn\":\"$next-06-30\"}" ;;
  esac
  [ $((i % 7)) = 0 ] && step abh "$p/moves" "demo-$i-move" "{\"municipality\":\"${places[$(((i + 1) % 3))]}\",\"movedOn\":\"$next-07-01\"}"
  [ $((i % 9)) = 0 ] && step abh "$p/base-data-corrections" "demo-$i-correction" "{\"givenNames\":\"$g Maria\"}"
  case $i in
    33) step steward "$p/erasure" "demo-$i-erasure" '{"reason":"DATA_SUBJECT_REQUEST"}' ;;
    34) step steward "$p/legal-holds" "demo-$i-hold" '{"ground":"LEGAL_CLAIMS"}'
        curl -s -o /dev/null -u steward:demo -X DELETE "$base$p/legal-holds/LEGAL_CLAIMS" ;;
    32) step abh "$p/support-end" "demo-$i-end" "{\"reason\":\"NO_FURTHER_NEED\",\"endedOn\":\"$((year + 1))-06-01\"}"
        step abh "$p/support-resumption" "demo-$i-resumed" "{}" ;;
    35) step abh "$p/move-away" "demo-$i-away" "{\"destination\":\"03241001\",\"movedOn\":\"$((year + 1))-11-30\"}"
        step abh "$p/support-end" "demo-$i-end" "{\"reason\":\"MOVED_AWAY\",\"endedOn\":\"$((year + 1))-12-01\"}" ;;
  esac
done
echo "[kiim] demo data: $created persons registered with their integration steps$([ "$failures" = 0 ] || echo ", $failures steps failed")"
[ "$failures" = 0 ]
