#!/usr/bin/env bash
# The main job: build fakeiam-server, start it, and run the seed scenario through the real AWS CLI
# against it (user Bob, two keys, list, delete one, list), printing each command and its output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh demo
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target fakeiam_server_command >/dev/null

log=$(mktemp)
coproc SERVER { exec ./build/src/fakeiam-server --clock fixed 2>"$log"; }
server_pid=$SERVER_PID
# The server may be gone already (stopped below): the clean-up must not fail the run then.
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -f "$log"' EXIT
read -r first_line <&"${SERVER[0]}"
echo "$first_line"
endpoint=${first_line##* }

# The CLI signs with these; fakeiam does not know the key, so it acts as the account root.
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=demo AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""
last_output=""
aws() {
  echo
  echo "\$ aws iam $*"
  local status=0
  last_output=$(/usr/bin/aws --endpoint-url "$endpoint" --output json iam "$@") || status=$?
  [ -n "$last_output" ] && echo "$last_output"
  return $status
}
key_id() { python3 -c 'import json, sys; print(json.load(sys.stdin)["AccessKey"]["AccessKeyId"])'; }

aws create-user --user-name Bob
aws create-access-key --user-name Bob
aws create-access-key --user-name Bob
second=$(key_id <<<"$last_output")
aws list-access-keys --user-name Bob
aws delete-access-key --access-key-id "$second" --user-name Bob
aws list-access-keys --user-name Bob
echo
echo "# Two more keys: the second would be a third key for Bob, over IAM's quota of two."
aws create-access-key --user-name Bob
aws create-access-key --user-name Bob || echo "(the AWS CLI exited with status $?)"

kill "$server_pid"
wait "$server_pid" || true
echo
echo "# fakeiam-server's request log:"
cat "$log"
