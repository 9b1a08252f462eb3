// Real-client tests of fakeiam-server's fault injection with the Huawei Cloud Node.js SDK
// (@huaweicloud/huaweicloud-sdk-iam v5 IamClient): rules added through the control API
// (POST /_fakeiam/faults) and what the SDK then throws, checked against the fault log.
//
// Run: FAKEIAM_SERVER=/path/to/fakeiam-server node --test huawei_faults_test.mjs
// Each describe block starts its own server (--profile huawei, the two-users fixture); every test
// starts with no rules and an empty log.
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { after, beforeEach, describe, test } from "node:test";

import { startFakeiamServer, useFakeiamServer } from "../fakeiam_server.mjs";
// As in huawei_sdk_test.mjs: a scratch HOME, no Huawei settings, the SDK's classes and calls, the
// fixture.
import {
  ADMIN_AK, ClientRequestException, FIXTURE, ServerResponseException, ServiceResponseException,
  assertHomeUntouched, createKey, deleteKey, fixture, fixtureUser, lastUsed, listKeys,
  newIamClient, updateKey,
} from "./huawei_sdk.mjs";

const ACCOUNT = fixture.account_id;
const ALICE = fixtureUser("alice").id;
const BOB = fixtureUser("bob").id;
const BOB_KEY = "QTWAOYTTINDUT2QVKYUC"; // bob's fixture key and its secret
const BOB_SECRET = "vRNwGMd92PlityIO3daDseoS9hciL9xKSKkBiJ44";
assert.deepEqual(fixtureUser("bob").access_keys.map((k) => [k.id, k.secret]),
  [[BOB_KEY, BOB_SECRET]]);
const REQUEST_ID = /^[0-9a-f]{32}$/;

after(assertHomeUntouched); // the SDK wrote nothing under HOME

// A server with the fixture, its control API, and clients for it. Every test starts clean.
function useServer() {
  const holder = useFakeiamServer(async () => {
    const server = await startFakeiamServer(["--profile", "huawei", "--state", FIXTURE.pathname]);
    const control = async (method, path, body) => {
      const response = await fetch(`${server.endpoint}/_fakeiam/${path}`, {
        method, body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    return {
      ...server,
      admin: newIamClient(server.endpoint),
      asBob: newIamClient(server.endpoint, BOB_KEY, BOB_SECRET),
      // Adds rules (a rule or an array); returns the ids the server gave them.
      postRules: (rules) => control("POST", "faults", rules),
      async addRules(rules) {
        const { status, body } = await control("POST", "faults", rules);
        assert.equal(status, 201, JSON.stringify(body));
        return body.added;
      },
      async rules() {
        return (await control("GET", "faults")).body.rules;
      },
      async log() {
        return (await control("GET", "faults/log")).body.entries;
      },
      async reset() {
        assert.equal((await control("DELETE", "faults")).status, 200);
        assert.equal((await control("DELETE", "faults/log")).status, 200);
      },
      // An AWS Query request on the same endpoint (unsigned: fakeiam needs no signature).
      async awsQuery(params) {
        const response = await fetch(`${server.endpoint}/`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ Version: "2010-05-08", ...params }),
        });
        return {
          status: response.status, text: await response.text(),
          requestId: response.headers.get("x-amzn-requestid"),
        };
      },
    };
  });
  beforeEach(() => holder.server.reset());
  return holder;
}

const xmlText = (xml, tag) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

// Asserts that `promise` rejects with the SDK's exception for an HTTP error answer; returns it.
async function assertFault(promise, { type, status, code, message }) {
  let error;
  await assert.rejects(promise, (err) => {
    error = err;
    return true;
  });
  assert.ok(error instanceof type, `expected ${type.name}, got ${error?.name}: ${JSON.stringify(error)}`);
  assert.equal(error.httpStatusCode, status);
  assert.equal(error.errorCode, code);
  if (message instanceof RegExp) assert.match(error.errorMsg, message);
  else assert.equal(error.errorMsg, message);
  assert.match(error.requestId, REQUEST_ID); // the X-Request-Id header
  if (status !== 403) assert.equal(error.encodedAuthorizationMessage, undefined);
  return error;
}

// The one log entry for this request id.
async function logEntryFor(server, requestId) {
  const entries = (await server.log()).filter((e) => e.request_id === requestId);
  assert.equal(entries.length, 1, `one log entry for request ${requestId}`);
  return entries[0];
}

describe("injected errors as the SDK surfaces them", () => {
  const s = useServer();

  test("each usual error: exception class, status, v5 code and message; request id as logged", async () => {
    const injected = (id) => `Injected by fakeiam fault rule ${id}.`;
    // [rule, what the SDK throws, the log's error_code]: v5_errors.cpp's table.
    const cases = [
      [{ id: "s400", status: 400 }, ClientRequestException, 400, "IAM.0007", injected("s400"), "ValidationError"],
      [{ id: "invalid", error: "InvalidInput" }, ClientRequestException, 400, "IAM.0007", injected("invalid"), "InvalidInput"],
      [{ id: "s404", status: 404 }, ClientRequestException, 404, "IAM.0004", `Could not find user: ${ALICE}`, "NoSuchEntity"],
      [{ id: "s409", status: 409 }, ClientRequestException, 409, "PAP5.0003", "access keys per user limit exceeded", "LimitExceeded"],
      [{ id: "throttle", error: "Throttling" }, ClientRequestException, 429, "APIGW.0308", "The throttling threshold has been reached", "Throttling"],
      [{ id: "s429", status: 429 }, ClientRequestException, 429, "APIGW.0308", "The throttling threshold has been reached", "Throttling"],
      [{ id: "s500", status: 500 }, ServerResponseException, 500, "PAP5.0500", "internal server error", "ServiceFailure"],
      [{ id: "failure", error: "ServiceFailure" }, ServerResponseException, 500, "PAP5.0500", "internal server error", "ServiceFailure"],
      [{ id: "s503", status: 503 }, ServerResponseException, 503, "PAP5.0503", "service unavailable", "ServiceUnavailable"],
    ];
    const requestIds = new Set();
    for (const [rule, type, status, code, message, logCode] of cases) {
      assert.deepEqual(await s.server.addRules({ operation: "ListAccessKeysV5", times: 1, ...rule }), [rule.id]);
      const err = await assertFault(listKeys(s.server.admin, ALICE), { type, status, code, message });
      requestIds.add(err.requestId);
      const entry = await logEntryFor(s.server, err.requestId);
      assert.deepEqual({ ...entry, sequence: undefined, status: undefined }, {
        sequence: undefined, rule: rule.id, operation: "ListAccessKeys", dialect: "huawei",
        request_id: err.requestId, user: "alice", access_key_id: "", caller_access_key_id: ADMIN_AK,
        latency_ms: 0, error_code: logCode, status: undefined, dropped_connection: false,
      }, rule.id);
      // The log's status for Throttling has its own test below.
      if (rule.id !== "throttle") assert.equal(entry.status, status, rule.id);
      // times 1: spent, so the same call now goes through.
      assert.equal((await listKeys(s.server.admin, ALICE)).httpStatusCode, 200);
    }
    assert.equal(requestIds.size, cases.length);
    // One entry per fired rule, numbered in firing order.
    const sequences = (await s.server.log()).map((e) => e.sequence);
    assert.deepEqual(sequences, cases.map((_, i) => sequences[0] + i));
  });

  test("the log's status for a throttled v5 call is the 429 the client got", async () => {
    // The Huawei client is answered 429 APIGW.0308; a log that says 400 (AWS's status for
    // Throttling) describes a response that was never sent; fakeiam-server as written logs 400.
    await s.server.addRules({ operation: "ListAccessKeysV5", error: "Throttling", times: 1 });
    const err = await assertFault(listKeys(s.server.admin, ALICE), {
      type: ClientRequestException, status: 429, code: "APIGW.0308",
      message: "The throttling threshold has been reached",
    });
    const entry = await logEntryFor(s.server, err.requestId);
    assert.equal(entry.error_code, "Throttling");
    assert.equal(entry.status, 429);
  });

  test("403 on every call: PAP5.0001, and encoded_authorization_message decodes to the denial", async () => {
    const denied = (caller, action, user) =>
      `User: ${caller} is not authorized to perform: iam:credentials:${action} on resource: iam::${ACCOUNT}:user:${user}`;
    const root = `iam::${ACCOUNT}:root`; // the admin key is nobody's: the account root
    const bobArn = `iam::${ACCOUNT}:user:bob`;
    const calls = [
      [(c) => listKeys(c, ALICE), "listCredentialsV5", "alice"],
      [(c) => createKey(c, ALICE), "createCredentialV5", "alice"],
      [(c) => updateKey(c, BOB, BOB_KEY, "inactive"), "updateCredentialV5", "bob"],
      [(c) => deleteKey(c, BOB, BOB_KEY), "deleteCredentialV5", "bob"],
      [(c) => lastUsed(c, BOB, BOB_KEY), "showAccessKeyLastUsedV5", "bob"],
    ];
    await s.server.addRules({ status: 403 }); // every operation, no limit
    for (const [client, caller] of [[s.server.admin, root], [s.server.asBob, bobArn]]) {
      for (const [call, action, user] of calls) {
        const text = denied(caller, action, user);
        const err = await assertFault(call(client), {
          type: ClientRequestException, status: 403, code: "PAP5.0001", message: `access denied: ${text}`,
        });
        assert.match(err.encodedAuthorizationMessage, /^[A-Za-z0-9+/]+=*$/);
        const decoded = Buffer.from(err.encodedAuthorizationMessage, "base64").toString("utf8");
        assert.equal(decoded, text);
        assert.equal((await logEntryFor(s.server, err.requestId)).error_code, "AccessDenied");
      }
    }
    // Nothing was created, updated or deleted on the way.
    await s.server.reset();
    assert.deepEqual((await listKeys(s.server.admin, ALICE)).access_keys, []);
    assert.deepEqual((await listKeys(s.server.admin, BOB)).access_keys.map((k) => [k.access_key_id, k.status]),
      [[BOB_KEY, "active"]]);
  });

  test("404 on a call about a key names the key, not the user", async () => {
    await s.server.addRules({ status: 404, access_key_id: BOB_KEY });
    const expected = {
      type: ClientRequestException, status: 404, code: "IAM.0004", message: `Could not find access key: ${BOB_KEY}`,
    };
    await assertFault(updateKey(s.server.admin, BOB, BOB_KEY, "inactive"), expected);
    await assertFault(deleteKey(s.server.admin, BOB, BOB_KEY), expected);
    await assertFault(lastUsed(s.server.admin, BOB, BOB_KEY), expected);
    assert.deepEqual((await s.server.log()).map((e) => [e.operation, e.access_key_id, e.user]), [
      ["UpdateAccessKey", BOB_KEY, "bob"], ["DeleteAccessKey", BOB_KEY, "bob"],
      ["GetAccessKeyLastUsed", BOB_KEY, "bob"],
    ]);
  });
});

describe("one rule, both dialects", () => {
  const s = useServer();

  test("a rule without a dialect fails the SDK's listAccessKeysV5 and an AWS Query ListAccessKeys", async () => {
    // The Huawei SDK name and the AWS action are the same operation.
    const [id] = await s.server.addRules({ operation: "ListAccessKeysV5", user: "alice", status: 503 });
    const err = await assertFault(listKeys(s.server.admin, ALICE), {
      type: ServerResponseException, status: 503, code: "PAP5.0503", message: "service unavailable",
    });
    const aws = await s.server.awsQuery({ Action: "ListAccessKeys", UserName: "alice" });
    assert.equal(aws.status, 503, aws.text);
    assert.match(aws.text, /<ErrorResponse[ >]/);
    assert.equal(xmlText(aws.text, "Code"), "ServiceUnavailable");
    assert.equal(xmlText(aws.text, "Type"), "Receiver");
    assert.equal(xmlText(aws.text, "Message"), "The request has failed due to a temporary failure of the server.");
    assert.equal(xmlText(aws.text, "RequestId"), aws.requestId);

    const log = await s.server.log();
    assert.deepEqual(log.map((e) => [e.rule, e.dialect, e.request_id, e.operation, e.error_code, e.status]), [
      [id, "huawei", err.requestId, "ListAccessKeys", "ServiceUnavailable", 503],
      [id, "aws", aws.requestId, "ListAccessKeys", "ServiceUnavailable", 503],
    ]);
    const [rule] = await s.server.rules();
    assert.deepEqual({ operation: rule.operation, matched: rule.matched, fired: rule.fired },
      { operation: ["ListAccessKeys"], matched: 2, fired: 2 });
  });

  test("dialect \"huawei\" spares AWS calls, and \"aws\" spares the SDK", async () => {
    await s.server.addRules({ operation: "ListAccessKeys", dialect: "huawei", status: 503 });
    await assertFault(listKeys(s.server.admin, ALICE), {
      type: ServerResponseException, status: 503, code: "PAP5.0503", message: "service unavailable",
    });
    assert.equal((await s.server.awsQuery({ Action: "ListAccessKeys", UserName: "alice" })).status, 200);

    await s.server.reset();
    await s.server.addRules({ operation: "ListAccessKeys", dialect: "aws", status: 503 });
    assert.equal((await listKeys(s.server.admin, ALICE)).httpStatusCode, 200);
    const aws = await s.server.awsQuery({ Action: "ListAccessKeys", UserName: "alice" });
    assert.equal(aws.status, 503);
    assert.equal(xmlText(aws.text, "Code"), "ServiceUnavailable");
    assert.deepEqual((await s.server.log()).map((e) => e.dialect), ["aws"]);
  });
});

describe("which calls a rule matches", () => {
  const s = useServer();
  const unavailable = {
    type: ServerResponseException, status: 503, code: "PAP5.0503", message: "service unavailable",
  };

  test("user by user id (alice's, then bob's), and by name ignoring case", async () => {
    await s.server.addRules({ user: ALICE, status: 503 });
    await assertFault(listKeys(s.server.admin, ALICE), unavailable);
    await assertFault(createKey(s.server.admin, ALICE), unavailable);
    assert.equal((await listKeys(s.server.admin, BOB)).httpStatusCode, 200);

    await s.server.reset();
    await s.server.addRules([{ user: BOB, status: 503, times: 1 }, { user: "BOB", status: 500, times: 1 }]);
    assert.equal((await listKeys(s.server.admin, ALICE)).httpStatusCode, 200);
    await assertFault(listKeys(s.server.admin, BOB), unavailable);
    await assertFault(listKeys(s.server.admin, BOB), {
      type: ServerResponseException, status: 500, code: "PAP5.0500", message: "internal server error",
    });
    assert.equal((await listKeys(s.server.admin, BOB)).httpStatusCode, 200);
    // The log names the user as the rule saw it: by name.
    assert.deepEqual((await s.server.log()).map((e) => e.user), ["bob", "bob"]);
  });

  test("user on showAccessKeyLastUsedV5: the user in the path, as on the other four routes", async () => {
    // faults.hpp: `user` matches "the user a call addresses"; a v5 last-used call addresses
    // /v5/users/{user_id}. (AWS's GetAccessKeyLastUsed names no user; there the key's owner is
    // all there is.) fakeiam-server as written matches the key's owner instead.
    const outcome = (promise) => promise.then(() => "ok", (e) => `${e.httpStatusCode} ${e.errorCode}`);
    await s.server.addRules({ user: ALICE, operation: "ShowAccessKeyLastUsedV5", status: 503 });
    const aliceRule = { aliceKeyUnknown: await outcome(lastUsed(s.server.admin, ALICE, "NOSUCHKEY00000000000")) };
    await s.server.reset();
    await s.server.addRules({ user: BOB, operation: "ShowAccessKeyLastUsedV5", status: 503 });
    const bobRule = { bobsKeyUnderAlice: await outcome(lastUsed(s.server.admin, ALICE, BOB_KEY)) };
    assert.deepEqual({ aliceRule, bobRule }, {
      aliceRule: { aliceKeyUnknown: "503 PAP5.0503" },
      bobRule: { bobsKeyUnderAlice: "404 IAM.0004" }, // a call about alice: bob's rule stays out
    });
  });

  test("access_key_id: update, delete and last-used of that key only", async () => {
    const other = (await createKey(s.server.admin, BOB)).access_key.access_key_id;
    await s.server.addRules({ access_key_id: BOB_KEY, status: 503 });
    await assertFault(updateKey(s.server.admin, BOB, BOB_KEY, "inactive"), unavailable);
    await assertFault(lastUsed(s.server.admin, BOB, BOB_KEY), unavailable);
    await assertFault(deleteKey(s.server.admin, BOB, BOB_KEY), unavailable);
    // The other key, and calls that address no key, go through.
    assert.equal((await updateKey(s.server.admin, BOB, other, "inactive")).httpStatusCode, 200);
    assert.equal((await lastUsed(s.server.admin, BOB, other)).httpStatusCode, 200);
    assert.equal((await listKeys(s.server.admin, BOB)).httpStatusCode, 200);
    assert.equal((await deleteKey(s.server.admin, BOB, other)).httpStatusCode, 204);
    assert.deepEqual((await s.server.log()).map((e) => [e.operation, e.access_key_id]), [
      ["UpdateAccessKey", BOB_KEY], ["GetAccessKeyLastUsed", BOB_KEY], ["DeleteAccessKey", BOB_KEY],
    ]);
  });

  test("caller_access_key_id: only requests signed with bob's key", async () => {
    await s.server.addRules({ caller_access_key_id: BOB_KEY, status: 429 });
    const err = await assertFault(listKeys(s.server.asBob, ALICE), {
      type: ClientRequestException, status: 429, code: "APIGW.0308",
      message: "The throttling threshold has been reached",
    });
    // Another key (never issued), and a key that exists (alice's, new), are not bob's.
    assert.equal((await listKeys(s.server.admin, ALICE)).httpStatusCode, 200);
    const { access_key: aliceKey } = await createKey(s.server.admin, ALICE);
    const asAlice = newIamClient(s.server.endpoint, aliceKey.access_key_id, aliceKey.secret_access_key);
    assert.equal((await listKeys(asAlice, BOB)).httpStatusCode, 200);
    assert.equal((await deleteKey(s.server.admin, ALICE, aliceKey.access_key_id)).httpStatusCode, 204);
    const log = await s.server.log();
    assert.deepEqual(log.map((e) => [e.request_id, e.caller_access_key_id, e.user]),
      [[err.requestId, BOB_KEY, "alice"]]);
  });

  test("nth: only the second matching call", async () => {
    // A rule with no effect is refused, naming what is missing, and adds nothing.
    const refused = await s.server.postRules({ operation: "ListAccessKeysV5", nth: 2 });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, "InvalidFaultRule");
    assert.match(refused.body.error.message, /effect/);
    assert.deepEqual(await s.server.rules(), []);
    const [id] = await s.server.addRules({ id: "second", operation: "ListAccessKeysV5", user: "alice", nth: 2, status: 503 });
    const outcomes = [];
    for (const user of [ALICE, BOB, ALICE, ALICE, ALICE]) {
      outcomes.push(await listKeys(s.server.admin, user).then(() => "ok", (e) => e.httpStatusCode));
    }
    assert.deepEqual(outcomes, ["ok", "ok", 503, "ok", "ok"]); // bob's call does not count
    const [rule] = await s.server.rules();
    assert.deepEqual([rule.id, rule.matched, rule.fired], [id, 4, 1]);
  });

  test("times: the first two matching calls, then no more", async () => {
    await s.server.addRules({ operation: "CreateAccessKeyV5", times: 2, status: 500 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await createKey(s.server.admin, ALICE).then((r) => r.httpStatusCode, (e) => e.httpStatusCode));
    }
    assert.deepEqual(outcomes, [500, 500, 201]);
    const [rule] = await s.server.rules();
    assert.deepEqual([rule.matched, rule.fired], [3, 2]);
    const { access_keys: [key] } = await listKeys(s.server.admin, ALICE);
    await deleteKey(s.server.admin, ALICE, key.access_key_id);
  });

  test("after: skips the first matching calls, then fires (up to times)", async () => {
    await s.server.addRules({ operation: "ShowAccessKeyLastUsedV5", after: 2, times: 2, status: 503 });
    const outcomes = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await lastUsed(s.server.admin, BOB, BOB_KEY).then(() => "ok", (e) => e.httpStatusCode));
    }
    assert.deepEqual(outcomes, ["ok", "ok", 503, 503, "ok"]);
    assert.deepEqual((await s.server.log()).map((e) => e.operation), ["GetAccessKeyLastUsed", "GetAccessKeyLastUsed"]);
  });
});

describe("a faulted call changes nothing", () => {
  const s = useServer();

  test("a faulted createAccessKeyV5 creates no key", async () => {
    await s.server.addRules([
      { operation: "CreateAccessKeyV5", user: "alice", status: 503, times: 1 },
      { operation: "CreateAccessKeyV5", user: "alice", status: 409, times: 1 },
    ]);
    await assertFault(createKey(s.server.admin, ALICE), {
      type: ServerResponseException, status: 503, code: "PAP5.0503", message: "service unavailable",
    });
    await assertFault(createKey(s.server.admin, ALICE), {
      type: ClientRequestException, status: 409, code: "PAP5.0003", message: "access keys per user limit exceeded",
    });
    assert.deepEqual(await listKeys(s.server.admin, ALICE),
      { access_keys: [], page_info: { current_count: 0 }, httpStatusCode: 200 });
    // The quota is untouched too: two keys still fit (default quota 2).
    const keys = [(await createKey(s.server.admin, ALICE)).access_key, (await createKey(s.server.admin, ALICE)).access_key];
    assert.equal((await listKeys(s.server.admin, ALICE)).access_keys.length, 2);
    for (const k of keys) await deleteKey(s.server.admin, ALICE, k.access_key_id);
  });

  test("a faulted deleteAccessKeyV5 or updateAccessKeyV5 leaves the key as it was", async () => {
    const before = (await listKeys(s.server.admin, BOB)).access_keys;
    assert.deepEqual(before.map((k) => [k.access_key_id, k.status]), [[BOB_KEY, "active"]]);
    await s.server.addRules({ operation: ["DeleteAccessKeyV5", "UpdateAccessKey"], status: 500 });
    const failure = { type: ServerResponseException, status: 500, code: "PAP5.0500", message: "internal server error" };
    await assertFault(deleteKey(s.server.admin, BOB, BOB_KEY), failure);
    await assertFault(updateKey(s.server.admin, BOB, BOB_KEY, "inactive"), failure);
    assert.deepEqual((await listKeys(s.server.admin, BOB)).access_keys, before);
  });
});

describe("custom codes, latency and dropped connections", () => {
  const s = useServer();

  test("a custom code and message reach the SDK with the rule's status", async () => {
    await s.server.addRules([
      { id: "custom", operation: "ListAccessKeysV5", status: 409, code: "IAM.0099", message: "custom", times: 1 },
      // A 5xx with a code of its own (502 has no usual error); no message: fakeiam's default.
      { id: "gateway", operation: "ListAccessKeysV5", status: 502, code: "APIGW.0502", times: 1 },
    ]);
    const custom = await assertFault(listKeys(s.server.admin, ALICE), {
      type: ClientRequestException, status: 409, code: "IAM.0099", message: "custom",
    });
    const gateway = await assertFault(listKeys(s.server.admin, ALICE), {
      type: ServerResponseException, status: 502, code: "APIGW.0502",
      message: "Injected by fakeiam fault rule gateway.",
    });
    assert.deepEqual((await s.server.log()).map((e) => [e.rule, e.request_id, e.error_code, e.status]), [
      ["custom", custom.requestId, "IAM.0099", 409], ["gateway", gateway.requestId, "APIGW.0502", 502],
    ]);
  });

  test("latency alone delays the call and lets it through", async () => {
    await s.server.addRules({ id: "slow", operation: "ListAccessKeysV5", latency_ms: 100, times: 1 });
    const start = performance.now();
    const page = await listKeys(s.server.admin, BOB);
    const elapsed = performance.now() - start;
    assert.equal(page.httpStatusCode, 200);
    assert.equal(page.access_keys[0].access_key_id, BOB_KEY);
    assert.ok(elapsed >= 100, `took ${elapsed} ms`);
    await listKeys(s.server.admin, BOB); // spent: no second entry
    const log = await s.server.log();
    assert.equal(log.length, 1);
    assert.match(log[0].request_id, REQUEST_ID);
    assert.deepEqual([log[0].rule, log[0].latency_ms, log[0].error_code, log[0].status, log[0].dropped_connection],
      ["slow", 100, "", 0, false]);
  });

  test("latency with an error: the error arrives after the delay", async () => {
    await s.server.addRules({ operation: "ListAccessKeysV5", latency_ms: 100, status: 503, times: 1 });
    const start = performance.now();
    const err = await assertFault(listKeys(s.server.admin, BOB), {
      type: ServerResponseException, status: 503, code: "PAP5.0503", message: "service unavailable",
    });
    assert.ok(performance.now() - start >= 100);
    assert.equal((await logEntryFor(s.server, err.requestId)).latency_ms, 100);
  });

  test("a dropped connection: the SDK throws a bare ServiceResponseException; the server serves on", async () => {
    await s.server.addRules({ id: "drop", operation: "ListAccessKeysV5", drop_connection: true, times: 1 });
    let error;
    await assert.rejects(listKeys(s.server.admin, ALICE), (err) => {
      error = err;
      return true;
    });
    // No HTTP answer: ExceptionUtil builds neither a Client- nor a ServerResponseException but
    // their base class, with axios's message and no status, code or request id.
    assert.equal(error.constructor, ServiceResponseException, `${error?.name}: ${JSON.stringify(error)}`);
    assert.ok(!(error instanceof ClientRequestException) && !(error instanceof ServerResponseException));
    assert.equal(error.name, "ServiceResponseException");
    assert.equal(error.errorMsg, "socket hang up");
    assert.equal(error.httpStatusCode, undefined);
    assert.equal(error.errorCode, undefined);
    assert.equal(error.requestId, undefined);

    // The same client, the same call: served.
    assert.equal((await listKeys(s.server.admin, ALICE)).httpStatusCode, 200);
    const log = await s.server.log();
    assert.equal(log.length, 1); // one endpoint: the SDK did not retry
    assert.match(log[0].request_id, REQUEST_ID);
    // Nothing was answered, so the entry has no code or status.
    assert.deepEqual([log[0].rule, log[0].dropped_connection, log[0].error_code, log[0].status],
      ["drop", true, "", 0]);
  });

  test("with a backup endpoint the SDK retries a dropped connection once, as the log shows", async () => {
    // DefaultHttpClient retries ECONNRESET once on endpoints[1]; here both are this server.
    const twice = newIamClient([s.server.endpoint, s.server.endpoint]);
    await s.server.addRules({ id: "once", operation: "ListAccessKeysV5", drop_connection: true, times: 1 });
    assert.equal((await listKeys(twice, ALICE)).httpStatusCode, 200); // the retry got through
    let [rule] = await s.server.rules();
    assert.deepEqual([rule.matched, rule.fired], [2, 1]);

    await s.server.reset();
    await s.server.addRules({ id: "always", operation: "ListAccessKeysV5", drop_connection: true });
    await assert.rejects(listKeys(twice, ALICE), { name: "ServiceResponseException", errorMsg: "socket hang up" });
    [rule] = await s.server.rules();
    assert.deepEqual([rule.matched, rule.fired], [2, 2]); // one try and one retry, no more
    assert.deepEqual((await s.server.log()).map((e) => [e.rule, e.dropped_connection]), [["always", true], ["always", true]]);
  });
});
