// Real-client tests of fakeiam-server's Huawei Cloud IAM v5 dialect with the Huawei Cloud Node.js
// SDK (@huaweicloud/huaweicloud-sdk-iam v5 IamClient, @huaweicloud/huaweicloud-sdk-core).
//
// Run: FAKEIAM_SERVER=/path/to/fakeiam-server node --test huawei_sdk_test.mjs
// Each describe block starts its own server (--profile huawei), so blocks share no state.
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { after, before, describe, test } from "node:test";

import { startFakeiamServer, useFakeiamServer } from "../fakeiam_server.mjs";
// The scratch HOME, the SDK's classes, the five calls, createUser and the fixture, shared with
// the other Huawei suites.
import {
  ADMIN_AK, ADMIN_SK, ClientRequestException, FIXTURE, UpdateAccessKeyV5Request,
  assertHomeUntouched, axios, createKey, createUser, deleteKey, fixtureUser, lastUsed, listKeys,
  newIamClient, updateKey,
} from "./huawei_sdk.mjs";

const ACCESS_KEY_ID = /^[A-Z0-9]{20}$/;
const SECRET = /^[A-Za-z0-9]{40}$/;
const REQUEST_ID = /^[0-9a-f]{32}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
// An unknown user id and key id of the right shape.
const NO_SUCH_USER = "ffffffffffffffffffffffffffffffff";
const NO_SUCH_KEY = "NOSUCHKEY00000000000";

// A fakeiam-server with the Huawei profile, and a factory of SDK clients for it.
async function startServer(...args) {
  const server = await startFakeiamServer(["--profile", "huawei", ...args]);
  return { ...server, client: (ak = ADMIN_AK, sk = ADMIN_SK) => newClient(server.endpoint, ak, sk) };
}

// One describe block's server: started before its tests, stopped (exit 0 asserted) after them.
function useServer(...args) {
  return useFakeiamServer(() => startServer(...args));
}

// An IamClient as a user would build one (newIamClient). The SDK hands back no headers of a
// successful call, so the client also records each exchange through the documented
// UserOptions.axiosRequestConfig hook: the headers it signed and sent, the X-Request-Id answered.
function newClient(endpoint, ak, sk) {
  const wire = [];
  const client = newIamClient(endpoint, ak, sk, {
    transformRequest: [
      function record(data, headers) {
        wire.push({
          method: this.method.toUpperCase(),
          path: this.url,
          params: { ...this.params },
          headers: { ...headers.toJSON() },
        });
        return data;
      },
      ...axios.defaults.transformRequest,
    ],
    transformResponse: [
      ...axios.defaults.transformResponse,
      function record(data, headers, status) {
        Object.assign(wire.at(-1), { status, requestId: headers["x-request-id"] });
        return data;
      },
    ],
  });
  client.wire = wire;
  return client;
}

const withoutSecret = ({ secret_access_key, ...meta }) => meta;

// Asserts that `promise` rejects with the ClientRequestException the SDK builds for this error.
async function assertClientError(promise, { status, code, message }) {
  let requestId;
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof ClientRequestException, `${err?.name}: ${err?.message ?? JSON.stringify(err)}`);
    assert.equal(err.httpStatusCode, status);
    assert.equal(err.errorCode, code);
    if (message instanceof RegExp) assert.match(err.errorMsg, message);
    else assert.equal(err.errorMsg, message);
    assert.match(err.requestId, REQUEST_ID); // from the X-Request-Id header
    requestId = err.requestId;
    return true;
  });
  return requestId;
}

function assertRecent(time, label) {
  assert.match(time, TIME, label);
  assert.ok(Math.abs(Date.parse(time) - Date.now()) < 120_000, `${label} ${time} is now`);
}

// SDK-HMAC-SHA256 computed here from Huawei's signing guide, independently of the SDK's signer.
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function expectedSignature(exchange, sk, body = "") {
  const auth = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/
    .exec(exchange.headers.Authorization);
  assert.ok(auth, `Authorization: ${exchange.headers.Authorization}`);
  const header = (name) => {
    const key = Object.keys(exchange.headers).find((k) => k.toLowerCase() === name);
    assert.ok(key, `signed header ${name} was sent`);
    return String(exchange.headers[key]).trim();
  };
  const signed = auth[2].split(";");
  let uri = exchange.path.split("/").map((s) => encode(decodeURIComponent(s))).join("/");
  if (!uri.endsWith("/")) uri += "/";
  const query = Object.keys(exchange.params).sort()
    .map((k) => `${encode(k)}=${encode(String(exchange.params[k]))}`).join("&");
  const canonical = [exchange.method, uri, query, signed.map((h) => `${h}:${header(h)}\n`).join(""),
    auth[2], createHash("sha256").update(body).digest("hex")].join("\n");
  const toSign = ["SDK-HMAC-SHA256", header("x-sdk-date"),
    createHash("sha256").update(canonical).digest("hex")].join("\n");
  return { access: auth[1], signedHeaders: auth[2], signature: auth[3],
    expected: createHmac("sha256", sk).update(toSign).digest("hex") };
}

after(assertHomeUntouched); // the SDK wrote nothing under HOME

describe("access-key lifecycle (fixture users alice and bob)", () => {
  const s = useServer("--state", FIXTURE.pathname);
  const alice = fixtureUser("alice").id;

  test("create, list, update to inactive and back, last-used, delete", async () => {
    const iam = s.server.client();
    const empty = await listKeys(iam, alice);
    assert.deepEqual(empty, { access_keys: [], page_info: { current_count: 0 }, httpStatusCode: 200 });

    const created = await createKey(iam, alice);
    assert.equal(created.httpStatusCode, 201);
    const key = created.access_key;
    assert.deepEqual(Object.keys(key).sort(),
      ["access_key_id", "created_at", "secret_access_key", "status", "user_id"]);
    assert.equal(key.user_id, alice);
    assert.match(key.access_key_id, ACCESS_KEY_ID);
    assert.match(key.secret_access_key, SECRET);
    assert.equal(key.status, "active"); // new keys start active
    assertRecent(key.created_at, "created_at");
    // A success's request id is only in the header, which the SDK does not return.
    assert.equal(iam.wire.at(-1).status, 201);
    assert.match(iam.wire.at(-1).requestId, REQUEST_ID);

    // Metadata only: the secret is shown once, by create.
    const listed = await listKeys(iam, alice);
    assert.deepEqual(listed, {
      access_keys: [withoutSecret(key)], page_info: { current_count: 1 }, httpStatusCode: 200,
    });

    const inactive = await updateKey(iam, alice, key.access_key_id, "inactive");
    assert.deepEqual(inactive, {
      access_key: { ...withoutSecret(key), status: "inactive" }, httpStatusCode: 200,
    });
    assert.equal((await listKeys(iam, alice)).access_keys[0].status, "inactive");
    const active = await updateKey(iam, alice, key.access_key_id, "active");
    assert.deepEqual(active, { access_key: withoutSecret(key), httpStatusCode: 200 });
    assert.equal((await listKeys(iam, alice)).access_keys[0].status, "active");

    // Never used: last_used_at is absent (not null, not created_at).
    assert.deepEqual(await lastUsed(iam, alice, key.access_key_id),
      { access_key_last_used: {}, httpStatusCode: 200 });

    // The key signs a request of its own; now it has a last use.
    const asKey = s.server.client(key.access_key_id, key.secret_access_key);
    await listKeys(asKey, alice);
    const used = await lastUsed(iam, alice, key.access_key_id);
    assert.deepEqual(Object.keys(used.access_key_last_used), ["last_used_at"]);
    assertRecent(used.access_key_last_used.last_used_at, "last_used_at");
    assert.ok(used.access_key_last_used.last_used_at >= key.created_at, "used after it was created");

    const deleted = await deleteKey(iam, alice, key.access_key_id);
    assert.deepEqual(deleted, { httpStatusCode: 204 });
    assert.equal(iam.wire.at(-1).status, 204);
    assert.match(iam.wire.at(-1).requestId, REQUEST_ID);
    assert.deepEqual((await listKeys(iam, alice)).access_keys, []);
    await assertClientError(lastUsed(iam, alice, key.access_key_id), {
      status: 404, code: "IAM.0004", message: `Could not find access key: ${key.access_key_id}`,
    });
  });

  test("bob's fixture key: listed as restored, used once it signs", async () => {
    const bob = fixtureUser("bob");
    const iam = s.server.client();
    const listed = await listKeys(iam, bob.id);
    assert.deepEqual(listed.access_keys, bob.access_keys.map((k) => ({
      user_id: bob.id, access_key_id: k.id, created_at: k.create_date, status: k.status.toLowerCase(),
    })));
    const keyId = listed.access_keys[0].access_key_id;
    assert.deepEqual((await lastUsed(iam, bob.id, keyId)).access_key_last_used, {});
    await listKeys(s.server.client(keyId, bob.access_keys[0].secret), bob.id);
    assertRecent((await lastUsed(iam, bob.id, keyId)).access_key_last_used.last_used_at, "last_used_at");
  });
});

describe("the SDK's SDK-HMAC-SHA256 signing", () => {
  const s = useServer("--state", FIXTURE.pathname);
  const alice = fixtureUser("alice").id;

  test("a request signed by the SDK is served and records its key's use", async () => {
    const iam = s.server.client();
    const { access_key: key } = await createKey(iam, alice);
    const asKey = s.server.client(key.access_key_id, key.secret_access_key);
    const page = await listKeys(asKey, alice, { limit: 1 });
    assert.equal(page.httpStatusCode, 200);

    // What went out is a genuine SDK-HMAC-SHA256 signature by this key (checked here against
    // the signing guide), over exactly content-type, host and x-sdk-date.
    const sent = asKey.wire.at(-1);
    assert.equal(sent.status, 200);
    const sig = expectedSignature(sent, key.secret_access_key);
    assert.equal(sig.access, key.access_key_id);
    assert.equal(sig.signedHeaders, "content-type;host;x-sdk-date");
    assert.equal(sig.signature, sig.expected);
    assert.match(sent.headers["X-Sdk-Date"], /^\d{8}T\d{6}Z$/);

    // fakeiam took the caller from Access=: that key's use is recorded.
    assertRecent((await lastUsed(iam, alice, key.access_key_id)).access_key_last_used.last_used_at,
      "last_used_at");
  });

  test("an inactive key's request is served but records no use", async () => {
    const bob = fixtureUser("bob").id;
    const iam = s.server.client();
    const { access_key: key } = await createKey(iam, bob);
    await updateKey(iam, bob, key.access_key_id, "inactive");
    // fakeiam does not authenticate: it only reads Access= to know the caller.
    const page = await listKeys(s.server.client(key.access_key_id, key.secret_access_key), bob);
    assert.equal(page.httpStatusCode, 200);
    // Only an active key's use is recorded (an inactive key could sign nothing at Huawei).
    assert.deepEqual((await lastUsed(iam, bob, key.access_key_id)).access_key_last_used, {});
  });

  test("signatures are not verified: a wrong secret is served too", async () => {
    // fakeiam's choice, as for SigV4 in its AWS dialect (README): it reads the caller from the
    // Authorization header and checks no HMAC. Real Huawei would answer 401 APIGW.0301.
    const { access_key: key } = await createKey(s.server.client(), alice);
    const wrong = s.server.client(key.access_key_id, "x".repeat(40));
    assert.equal((await listKeys(wrong, alice)).httpStatusCode, 200);
    const sig = expectedSignature(wrong.wire.at(-1), key.secret_access_key);
    assert.notEqual(sig.signature, sig.expected); // the request really was mis-signed
  });
});

describe("paging with limit and marker", () => {
  // --clock fixed steps one second per event, so creation order shows in created_at too.
  const s = useServer("--key-quota", "30", "--clock", "fixed");
  const created = [];
  let userId;

  before(async () => {
    userId = await createUser(s.server.endpoint, "pager");
    const iam = s.server.client();
    for (let i = 0; i < 11; i++) created.push((await createKey(iam, userId)).access_key);
  });

  // Pages through the user's keys with `limit`, following next_marker; returns the pages.
  async function walk(iam, limit) {
    const pages = [];
    let marker;
    do {
      const page = await listKeys(iam, userId, { limit, marker });
      pages.push(page);
      marker = page.page_info.next_marker;
    } while (marker !== undefined);
    return pages;
  }

  test("limit 4: pages of 4, 4, 3; next_marker exactly when more follow; every key once, in order", async () => {
    const pages = await walk(s.server.client(), 4);
    assert.deepEqual(pages.map((p) => p.access_keys.length), [4, 4, 3]);
    pages.forEach((page, i) => {
      assert.equal(page.page_info.current_count, page.access_keys.length);
      const last = i === pages.length - 1;
      assert.deepEqual(Object.keys(page.page_info).sort(),
        last ? ["current_count"] : ["current_count", "next_marker"], `page ${i}`);
      if (!last) assert.match(page.page_info.next_marker, /^[A-Za-z0-9+/=_-]{4,400}$/);
    });
    const listed = pages.flatMap((p) => p.access_keys);
    assert.deepEqual(listed, created.map(withoutSecret));
    for (let i = 1; i < listed.length; i++) assert.ok(listed[i].created_at > listed[i - 1].created_at);
  });

  test("limit 1 walks key by key; markers with '+' or '/' survive the SDK's query encoding", async () => {
    const pages = await walk(s.server.client(), 1);
    assert.equal(pages.length, 11);
    assert.deepEqual(pages.flatMap((p) => p.access_keys), created.map(withoutSecret));
    const markers = pages.slice(0, -1).map((p) => p.page_info.next_marker);
    assert.equal(new Set(markers).size, 10);
    // The SDK percent-encodes the marker (querystring.stringify: '+' → %2B, '/' → %2F, '=' → %3D);
    // with this seed some markers need it, so the round trip above covered the decoding.
    assert.ok(markers.some((m) => /[+/=]/.test(m)), `markers: ${markers}`);
  });

  test("limit 200 and no limit (default 100) give everything in one page", async () => {
    const iam = s.server.client();
    for (const limit of [200, undefined]) {
      const page = await listKeys(iam, userId, { limit });
      assert.deepEqual(page.page_info, { current_count: 11 });
      assert.deepEqual(page.access_keys, created.map(withoutSecret));
    }
  });

  test("a marker from another user's listing is not valid here", async () => {
    const iam = s.server.client();
    const other = await createUser(s.server.endpoint, "pager2");
    await createKey(iam, other);
    await createKey(iam, other);
    const { page_info: { next_marker: marker } } = await listKeys(iam, other, { limit: 1 });
    assert.equal(typeof marker, "string");
    await assertClientError(listKeys(iam, userId, { limit: 1, marker }), {
      status: 400, code: "PAP5.0010", message: "invalid marker",
    });
  });

  test("a marker survives keys being deleted and created between pages", async () => {
    // docs/huawei-v5.md: the marker is a position after the last key shown, not an offset.
    const iam = s.server.client();
    const user = await createUser(s.server.endpoint, "pager3");
    const keys = [];
    for (let i = 0; i < 4; i++) keys.push((await createKey(iam, user)).access_key.access_key_id);
    const first = await listKeys(iam, user, { limit: 2 });
    assert.deepEqual(first.access_keys.map((k) => k.access_key_id), keys.slice(0, 2));
    await deleteKey(iam, user, keys[0]); // already shown
    await deleteKey(iam, user, keys[2]); // not yet shown
    keys.push((await createKey(iam, user)).access_key.access_key_id);
    const second = await listKeys(iam, user, { limit: 2, marker: first.page_info.next_marker });
    assert.deepEqual(second.access_keys.map((k) => k.access_key_id), [keys[3], keys[4]]);
    assert.deepEqual(second.page_info, { current_count: 2 });
  });
});

describe("errors as the SDK surfaces them", () => {
  const s = useServer("--state", FIXTURE.pathname);
  const alice = fixtureUser("alice").id;
  const bob = fixtureUser("bob").id;
  let iam;

  before(() => {
    iam = s.server.client();
  });

  test("unknown user: 404 IAM.0004 on all five calls", async () => {
    const message = `Could not find user: ${NO_SUCH_USER}`;
    const expected = { status: 404, code: "IAM.0004", message };
    await assertClientError(listKeys(iam, NO_SUCH_USER), expected);
    await assertClientError(createKey(iam, NO_SUCH_USER), expected);
    await assertClientError(updateKey(iam, NO_SUCH_USER, NO_SUCH_KEY, "inactive"), expected);
    await assertClientError(deleteKey(iam, NO_SUCH_USER, NO_SUCH_KEY), expected);
    await assertClientError(lastUsed(iam, NO_SUCH_USER, NO_SUCH_KEY), expected);
  });

  test("unknown access key: 404 IAM.0004 on update, delete and last-used", async () => {
    const expected = { status: 404, code: "IAM.0004", message: `Could not find access key: ${NO_SUCH_KEY}` };
    await assertClientError(updateKey(iam, alice, NO_SUCH_KEY, "inactive"), expected);
    await assertClientError(deleteKey(iam, alice, NO_SUCH_KEY), expected);
    await assertClientError(lastUsed(iam, alice, NO_SUCH_KEY), expected);
  });

  test("another user's key, addressed under this user, is not found either", async () => {
    const before = await listKeys(iam, bob);
    const bobsKey = before.access_keys[0].access_key_id;
    const expected = { status: 404, code: "IAM.0004", message: `Could not find access key: ${bobsKey}` };
    await assertClientError(updateKey(iam, alice, bobsKey, "inactive"), expected);
    await assertClientError(deleteKey(iam, alice, bobsKey), expected);
    await assertClientError(lastUsed(iam, alice, bobsKey), expected);
    assert.deepEqual((await listKeys(iam, bob)).access_keys, before.access_keys); // untouched
  });

  test("quota: a third key (default 2 per user) is 409 PAP5.0003", async () => {
    const carol = await createUser(s.server.endpoint, "carol");
    await createKey(iam, carol);
    await createKey(iam, carol);
    await assertClientError(createKey(iam, carol), {
      status: 409, code: "PAP5.0003", message: "access keys per user limit exceeded",
    });
    assert.equal((await listKeys(iam, carol)).access_keys.length, 2);
  });

  test("limit outside 1..200 is 400 IAM.0007", async () => {
    // The SDK checks neither range: 0 and 201 go out as limit=0 and limit=201.
    for (const limit of [0, 201]) {
      await assertClientError(listKeys(iam, bob, { limit }), {
        status: 400, code: "IAM.0007",
        message: `Request parameter limit is invalid: it is a whole number from 1 to 200, not '${limit}'.`,
      });
      assert.equal(iam.wire.at(-1).params.limit, limit);
    }
  });

  test("a marker fakeiam did not issue is 400 PAP5.0010", async () => {
    // "abcd": documented length and alphabet, but no marker of fakeiam's; then too short, and a
    // character outside [A-Za-z0-9+/=_-]. The SDK sends each as given.
    for (const marker of ["abcd", "abc", "ab.cd"]) {
      await assertClientError(listKeys(iam, bob, { marker }), {
        status: 400, code: "PAP5.0010", message: "invalid marker",
      });
      assert.equal(iam.wire.at(-1).params.marker, marker);
    }
  });

  test("update with status 'enabled' reaches the server and is 400 IAM.0007", async () => {
    const { access_keys: [key] } = await listKeys(iam, bob);
    await assertClientError(updateKey(iam, bob, key.access_key_id, "enabled"), {
      status: 400, code: "IAM.0007",
      message: 'Request parameter status is invalid: it is "active" or "inactive", not "enabled".',
    });
    assert.equal(iam.wire.at(-1).method, "PUT"); // the SDK does not check the enum
    assert.deepEqual((await listKeys(iam, bob)).access_keys, [key]);
  });

  test("update without a body never leaves the SDK", () => {
    // The SDK throws RequiredError synchronously (not a rejected promise) for a missing body.
    const sent = iam.wire.length;
    assert.throws(() => iam.updateAccessKeyV5(new UpdateAccessKeyV5Request(bob, NO_SUCH_KEY)),
      { name: "RequiredError", field: "body" });
    assert.equal(iam.wire.length, sent);
  });

  test("a user id that is not one: 400 IAM.0007; path params go out unencoded", async () => {
    await assertClientError(listKeys(iam, "not-a-user-id"), {
      status: 400, code: "IAM.0007", message: "Request parameter user_id is invalid.",
    });
    // The SDK pastes path parameters in as they are, so a '/' in one changes the route: the
    // gateway errors of an unknown route and a wrong method come back.
    await assertClientError(listKeys(iam, `${alice}/x`), {
      status: 404, code: "APIGW.0101",
      message: "The API does not exist or has not been published in the environment.",
    });
    assert.equal(iam.wire.at(-1).path, `/v5/users/${alice}/x/access-keys`);
    await assertClientError(createKey(iam, `${alice}/access-keys`), {
      status: 405, code: "APIGW.0101", message: "The method POST is not allowed here; use PUT, DELETE.",
    });
  });

  test("every error has its own request id", async () => {
    const ids = new Set();
    for (let i = 0; i < 3; i++) {
      ids.add(await assertClientError(listKeys(iam, NO_SUCH_USER),
        { status: 404, code: "IAM.0004", message: /^Could not find user: / }));
    }
    assert.equal(ids.size, 3);
  });
});

describe("determinism", () => {
  // The same call sequence, on fresh servers with the same options, recording everything the
  // server made up: user id, key ids, secrets, created_at, markers, last-used, request ids.
  async function scenario(...args) {
    const server = await startServer("--clock", "fixed", ...args);
    try {
      const iam = server.client();
      const userId = await createUser(server.endpoint, "carol");
      const keys = [(await createKey(iam, userId)).access_key, (await createKey(iam, userId)).access_key];
      const quotaRequestId = await assertClientError(createKey(iam, userId), {
        status: 409, code: "PAP5.0003", message: "access keys per user limit exceeded",
      });
      const first = await listKeys(iam, userId, { limit: 1 });
      const second = await listKeys(iam, userId, { limit: 1, marker: first.page_info.next_marker });
      const updated = await updateKey(iam, userId, keys[0].access_key_id, "inactive");
      await listKeys(server.client(keys[1].access_key_id, keys[1].secret_access_key), userId);
      const used = await lastUsed(iam, userId, keys[1].access_key_id);
      await deleteKey(iam, userId, keys[0].access_key_id);
      const missingRequestId = await assertClientError(lastUsed(iam, userId, keys[0].access_key_id), {
        status: 404, code: "IAM.0004", message: `Could not find access key: ${keys[0].access_key_id}`,
      });
      return {
        userId, keys, quotaRequestId, first, second, updated, used, missingRequestId,
        requestIds: iam.wire.map((w) => w.requestId),
      };
    } finally {
      assert.equal(await server.stop(), 0, `fakeiam-server exit status; stderr: ${server.stderr()}`);
    }
  }

  test("same --seed and --clock fixed: the same ids, secrets, times and request ids", async () => {
    const a = await scenario("--seed", "42");
    const b = await scenario("--seed", "42");
    assert.deepEqual(a, b);
    for (const k of a.keys) {
      assert.match(k.access_key_id, ACCESS_KEY_ID);
      assert.match(k.secret_access_key, SECRET);
    }
    assert.equal(new Set(a.requestIds).size, a.requestIds.length);
    for (const id of a.requestIds) assert.match(id, REQUEST_ID);
    // The fixed clock: 2025-01-01T00:00:00Z plus one second per event (user, key, key, use).
    assert.deepEqual(a.keys.map((k) => k.created_at), ["2025-01-01T00:00:01.000Z", "2025-01-01T00:00:02.000Z"]);
    assert.deepEqual(a.used.access_key_last_used, { last_used_at: "2025-01-01T00:00:03.000Z" });

    // And the seed matters: another one gives other ids, secrets and request ids.
    const c = await scenario("--seed", "43");
    assert.notEqual(c.userId, a.userId);
    assert.notDeepEqual(c.keys.map((k) => k.access_key_id), a.keys.map((k) => k.access_key_id));
    assert.notDeepEqual(c.keys.map((k) => k.secret_access_key), a.keys.map((k) => k.secret_access_key));
    assert.notEqual(c.quotaRequestId, a.quotaRequestId);
    assert.deepEqual(c.keys.map((k) => k.created_at), a.keys.map((k) => k.created_at));
  });
});
