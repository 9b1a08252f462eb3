// Record and replay, proved with the Huawei Cloud Node.js SDK (IamClient v5).
//
// Run: FAKEIAM_SERVER=/path/to/fakeiam-server node --test record_replay_test.mjs
//
// A first fakeiam, U (--profile huawei --clock fixed, a seed), stands in for Huawei Cloud.
// `fakeiam-server --record FILE --upstream U` (R) forwards a key-rotation scenario to it, signed
// again (SDK-HMAC-SHA256) with HUAWEICLOUD_SDK_AK/SK of a key of U's user "recorder", while the
// SDK signs with an arbitrary AK/SK. Then U is stopped and `fakeiam-server --replay FILE` (P)
// answers the same scenario offline: the SDK must get exactly what it got while recording (its
// results, errors, request ids and the raw bodies), the masked secret_access_key aside, and
// exactly the same with --no-redact. A request the recording does not hold gets an
// UnmatchedRequest error naming the closest interaction, and fails the replay (exit 3).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";

import { startFakeiamServer } from "../fakeiam_server.mjs";
import {
  ADMIN_AK, ADMIN_SK, ClientRequestException, assertHomeUntouched, axios, createKey, createUser,
  deleteKey, lastUsed, listKeys, newIamClient, updateKey,
} from "./huawei_sdk.mjs";

const UPSTREAM_ARGS = ["--profile", "huawei", "--clock", "fixed", "--seed", "9"];
const MASK40 = "REDACTED".repeat(5); // a 40-character secret in a redacted cassette
const CASSETTE_CHECK_FAILED = 3;
const NO_SUCH_KEY = "NOSUCHKEY00000000000";
// The operations of the scenario's requests, in order.
const OPERATIONS = [
  "CreateAccessKeyV5", "CreateAccessKeyV5", "ListAccessKeysV5", "ListAccessKeysV5",
  "UpdateAccessKeyV5", "ShowAccessKeyLastUsedV5", "ShowAccessKeyLastUsedV5", "CreateAccessKeyV5",
  "DeleteAccessKeyV5", "ListAccessKeysV5", "DeleteAccessKeyV5",
];

const scratch = mkdtempSync(join(tmpdir(), "fakeiam-huawei-cassettes-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
after(assertHomeUntouched); // the SDK wrote nothing under HOME

// Every server a test starts, stopped after the test file whatever happened (a test stops the
// ones it checks itself; stop() again only reports the exit code).
const started = [];
after(async () => {
  for (const server of started) await server.stop();
});
async function start(args, env = {}) {
  // startFakeiamServer spawns the child (copying process.env) before its first await; the
  // variables are set for that moment only, so that the SDK clients here never see them.
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const starting = startFakeiamServer(args);
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const server = await starting;
  started.push(server);
  return server;
}

// An IamClient as a user builds one (newIamClient: an AK/SK that U never issued), which also
// keeps what came over the wire: each answer's status, X-Request-Id and raw body, before the SDK
// parses it.
function newClient(endpoint) {
  const wire = [];
  const client = newIamClient(endpoint, ADMIN_AK, ADMIN_SK, {
    transformResponse: [
      function raw(data, headers, status) {
        wire.push({ status, requestId: headers["x-request-id"], body: data });
        return data;
      },
      ...axios.defaults.transformResponse,
    ],
  });
  client.wire = wire;
  return client;
}

// The upstream U: two users created over the AWS Query API (v5 has no user calls here), and a key
// of "recorder" created over v5, unsigned (fakeiam needs no signature), for R's environment.
async function startUpstream() {
  const server = await start(UPSTREAM_ARGS);
  const recorder = await createUser(server.endpoint, "recorder");
  const rotator = await createUser(server.endpoint, "rotator");
  const response = await fetch(`${server.endpoint}/v5/users/${recorder}/access-keys`,
    { method: "POST" });
  assert.equal(response.status, 201);
  const { access_key: recorderKey } = await response.json();
  const recorderLastUsed = async () => {
    const answer = await fetch(`${server.endpoint}/v5/users/${recorder}/access-keys/` +
                               `${recorderKey.access_key_id}/last-used`);
    assert.equal(answer.status, 200);
    return (await answer.json()).access_key_last_used;
  };
  // Never used so far: a last-used time later on means U saw this key sign.
  assert.deepEqual(await recorderLastUsed(), {});
  return { ...server, recorder, rotator, recorderKey, recorderLastUsed };
}

function startRecorder(upstream, file, ...extra) {
  return start(["--record", file, "--upstream", upstream.endpoint, ...extra], {
    HUAWEICLOUD_SDK_AK: upstream.recorderKey.access_key_id,
    HUAWEICLOUD_SDK_SK: upstream.recorderKey.secret_access_key,
  });
}

const plain = (value) => JSON.parse(JSON.stringify(value));

// The key-rotation scenario on `userId`: each call's result (or error) as plain data, in order;
// `wire` is what the client received.
async function scenario(client, userId) {
  const results = [];
  const ok = async (name, call) => {
    const result = plain(await call);
    results.push([name, "ok", result]);
    return result;
  };
  const fails = async (name, call) => {
    let error;
    await assert.rejects(call, (err) => {
      error = err;
      return true;
    });
    assert.ok(error instanceof ClientRequestException, `${name}: ${error?.name}: ${JSON.stringify(error)}`);
    const { httpStatusCode, errorCode, errorMsg, requestId } = error;
    results.push([name, "error", { httpStatusCode, errorCode, errorMsg, requestId }]);
  };
  const first = (await ok("createKey", createKey(client, userId))).access_key.access_key_id;
  const second = (await ok("createKey", createKey(client, userId))).access_key.access_key_id;
  const page = await ok("listKeys", listKeys(client, userId, { limit: 1 }));
  const next = await ok("listKeys", listKeys(client, userId,
    { limit: 1, marker: page.page_info.next_marker }));
  assert.deepEqual([...page.access_keys, ...next.access_keys].map((k) => k.access_key_id),
    [first, second]);
  assert.equal(next.page_info.next_marker, undefined);
  await ok("updateKey", updateKey(client, userId, first, "inactive"));
  await ok("lastUsed", lastUsed(client, userId, first));
  await fails("lastUsed", lastUsed(client, userId, NO_SUCH_KEY));
  await fails("createKey", createKey(client, userId)); // a third key: over the quota
  await ok("deleteKey", deleteKey(client, userId, first));
  await ok("listKeys", listKeys(client, userId));
  await ok("deleteKey", deleteKey(client, userId, second));
  return { results, wire: client.wire };
}

const secretsOf = (results) => results
  .filter(([name, kind]) => name === "createKey" && kind === "ok")
  .map(([, , result]) => result.access_key.secret_access_key);

// `value` with every secret replaced by its mask, in every string (raw bodies included).
function masked(value, secrets) {
  if (typeof value === "string") {
    return secrets.reduce((text, secret) => text.replaceAll(secret, MASK40.slice(0, secret.length)), value);
  }
  if (Array.isArray(value)) return value.map((v) => masked(v, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, secrets)]));
  }
  return value;
}

async function stopRecorder(recorder, file, exchanges) {
  assert.equal(await recorder.stop(), 0, recorder.stderr());
  assert.match(recorder.stderr(), new RegExp(`recorded ${exchanges} exchanges in ${file}\n`));
  const text = readFileSync(file, "utf8");
  const cassette = JSON.parse(text);
  assert.equal(cassette.format, "fakeiam cassette");
  assert.equal(cassette.version, 1);
  assert.deepEqual(cassette.interactions.map((i) => i.id),
    Array.from({ length: exchanges }, (_, i) => i + 1));
  return { cassette, text };
}

async function stopUpstream(upstream) {
  assert.equal(await upstream.stop(), 0, upstream.stderr());
}

async function cassetteStatus(server) {
  const response = await fetch(`${server.endpoint}/_fakeiam/cassette`);
  assert.equal(response.status, 200);
  return response.json();
}

async function assertReplayHeld(replay, file, interactions) {
  assert.deepEqual(await cassetteStatus(replay),
    { mode: "replay", interactions, unused: [], unmatched: [] });
  assert.equal(await replay.stop(), 0, replay.stderr());
  assert.match(replay.stderr(), new RegExp(`${file} held\n`));
}

// Records the scenario through R into `file`; U keeps running.
async function record(upstream, file, ...extra) {
  const recorder = await startRecorder(upstream, file, ...extra);
  const recording = await scenario(newClient(recorder.endpoint), upstream.rotator);
  assert.equal(recording.results.length, OPERATIONS.length);
  assert.equal(recording.wire.length, OPERATIONS.length);
  const { cassette, text } = await stopRecorder(recorder, file, OPERATIONS.length);
  assert.deepEqual(cassette.interactions.map((i) => i.operation), OPERATIONS);
  return { recording, cassette, text };
}

describe("a recording made through an upstream fakeiam, replayed offline", () => {
  test("the SDK gets identical results, the secrets masked", async () => {
    const upstream = await startUpstream();
    const file = join(scratch, "rotation.json");
    const { recording, cassette, text } = await record(upstream, file);
    const { results } = recording;

    // What U answered: a real rotation, with the two errors the scenario provokes.
    assert.equal(results[0][2].httpStatusCode, 201);
    assert.deepEqual(results.map(([, kind]) => kind),
      ["ok", "ok", "ok", "ok", "ok", "ok", "error", "error", "ok", "ok", "ok"]);
    assert.deepEqual({ ...results[6][2], requestId: undefined }, {
      httpStatusCode: 404, errorCode: "IAM.0004",
      errorMsg: `Could not find access key: ${NO_SUCH_KEY}`, requestId: undefined,
    });
    assert.deepEqual({ ...results[7][2], requestId: undefined }, {
      httpStatusCode: 409, errorCode: "PAP5.0003", errorMsg: "access keys per user limit exceeded",
      requestId: undefined,
    });
    assert.equal(results[10][2].httpStatusCode, 204);

    // Signed again: U saw the recorder's key, not the SDK's.
    assert.match((await upstream.recorderLastUsed()).last_used_at ?? "", /^2025-01-01T/);

    // The file masks the secrets and the signatures; the recorder's own secret is not in it.
    const secrets = secretsOf(results);
    assert.equal(secrets.length, 2);
    for (const secret of secrets) {
      assert.match(secret, /^[A-Za-z0-9]{40}$/);
      assert.ok(!text.includes(secret), `${secret} is in the cassette`);
    }
    assert.ok(!text.includes(upstream.recorderKey.secret_access_key));
    assert.deepEqual(cassette.interactions.slice(0, 2).map((i) => i.response.json.access_key.secret_access_key),
      [MASK40, MASK40]);
    for (const { request } of cassette.interactions) {
      assert.match(request.headers.Authorization,
        new RegExp(`^SDK-HMAC-SHA256 Access=${ADMIN_AK}, SignedHeaders=[a-z0-9;-]+, ` +
                   "Signature=(REDACTED){8}$"));
    }
    // The second page asked for the first page's marker.
    const marker = cassette.interactions[2].response.json.page_info.next_marker;
    assert.equal(new URLSearchParams(cassette.interactions[3].request.query).get("marker"), marker);

    await stopUpstream(upstream);
    const replay = await start(["--replay", file]);
    const replayed = await scenario(newClient(replay.endpoint), upstream.rotator);
    assert.deepEqual(replayed.results, masked(results, secrets));
    assert.deepEqual(replayed.wire, masked(recording.wire, secrets));
    assert.deepEqual(secretsOf(replayed.results), [MASK40, MASK40]);
    await assertReplayHeld(replay, file, OPERATIONS.length);
  });

  test("with --no-redact, the same results and bytes, secrets included", async () => {
    const upstream = await startUpstream();
    const file = join(scratch, "unredacted.json");
    const { recording, cassette, text } = await record(upstream, file, "--no-redact");
    const secrets = secretsOf(recording.results);
    assert.deepEqual(cassette.interactions.slice(0, 2).map((i) => i.response.json.access_key.secret_access_key),
      secrets);
    assert.ok(!text.includes("REDACTED"));
    assert.ok(!text.includes(upstream.recorderKey.secret_access_key));

    await stopUpstream(upstream);
    const replay = await start(["--replay", file]);
    const replayed = await scenario(newClient(replay.endpoint), upstream.rotator);
    assert.deepEqual(replayed.results, recording.results);
    assert.deepEqual(replayed.wire, recording.wire);
    await assertReplayHeld(replay, file, OPERATIONS.length);
  });
});

describe("requests the recording does not hold", () => {
  let file;
  let rotator;
  let recording;
  test("record, then stop the upstream", async () => {
    const upstream = await startUpstream();
    file = join(scratch, "misses.json");
    rotator = upstream.rotator;
    ({ recording } = await record(upstream, file));
    await stopUpstream(upstream);
  });

  test("another user's call: ClientRequestException UnmatchedRequest naming the closest; exit 3", async () => {
    const replay = await start(["--replay", file]);
    const client = newClient(replay.endpoint);
    const other = "ffffffffffffffffffffffffffffffff";
    let error;
    await assert.rejects(createKey(client, other), (err) => {
      error = err;
      return true;
    });
    assert.ok(error instanceof ClientRequestException, JSON.stringify(error));
    const message = `No recorded interaction matches POST /v5/users/${other}/access-keys. The ` +
      `closest is #1 CreateAccessKeyV5: path is "/v5/users/${other}/access-keys" here, ` +
      `"/v5/users/${rotator}/access-keys" in the recording.`;
    assert.equal(error.httpStatusCode, 404);
    assert.equal(error.errorCode, "UnmatchedRequest");
    assert.equal(error.errorMsg, message);
    assert.match(error.requestId, /^[0-9a-f]{32}$/);

    const status = await cassetteStatus(replay);
    assert.deepEqual(status.unmatched, [{ request: `POST /v5/users/${other}/access-keys`, message }]);
    assert.equal(status.unused.length, OPERATIONS.length);

    // The scenario itself still replays; the miss fails the replay all the same.
    const replayed = await scenario(client, rotator);
    assert.deepEqual(replayed.results, masked(recording.results, secretsOf(recording.results)));
    assert.equal(await replay.stop(), CASSETTE_CHECK_FAILED);
    assert.ok(replay.stderr().includes(`${file}: 1 problem with the cassette:\n` +
                                       `- unmatched request: ${message}\n`), replay.stderr());
  });

  test("--match-order strict refuses a call out of order", async () => {
    const replay = await start(["--replay", file, "--match-order", "strict"]);
    const client = newClient(replay.endpoint);
    let error;
    // The first page, asked for before the keys were created (recorded third).
    await assert.rejects(listKeys(client, rotator, { limit: 1 }), (err) => {
      error = err;
      return true;
    });
    assert.ok(error instanceof ClientRequestException, JSON.stringify(error));
    assert.equal(error.errorCode, "UnmatchedRequest");
    assert.equal(error.errorMsg, `GET /v5/users/${rotator}/access-keys limit=1 is out of order: ` +
      "the next recorded interaction is #1 CreateAccessKeyV5, and the request differs from it: " +
      'method is "GET" here, "POST" in the recording; limit is "1" here, missing in the ' +
      "recording. It matches #3 ListAccessKeysV5, recorded later.");
    // Never played, the rest of the cassette is unused: exit 3, naming each interaction.
    assert.equal(await replay.stop(), CASSETTE_CHECK_FAILED);
    assert.match(replay.stderr(), /- interaction #11 DeleteAccessKeyV5 was never played\n/);
  });
});
