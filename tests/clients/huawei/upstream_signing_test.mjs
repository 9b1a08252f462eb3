// The recorder's upstream requests for Huawei Cloud IAM v5, checked against the Huawei Node.js
// SDK's own signer (BaseCredentials.processAuthRequest, as sdk_hmac_signer_check.mjs calls it).
//
// Run: FAKEIAM_SERVER=/path/to/fakeiam-server node --test upstream_signing_test.mjs
//
// The upstream is a capture server (node:http on 127.0.0.1, an ephemeral port) that keeps each
// request as it arrived and answers a canned v5 response. `fakeiam-server --record F --upstream
// <capture>` runs with HUAWEICLOUD_SDK_AK/SK (and a security token) in its environment; an SDK
// call goes to the recorder, and the captured Authorization is recomputed by the SDK's signer
// from the captured method, path, query, signed headers and body at the captured X-Sdk-Date: the
// two must be the same, so Huawei Cloud would accept what the recorder sends.
import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, beforeEach, describe, test } from "node:test";

import { startFakeiamServer } from "../fakeiam_server.mjs";
import {
  GlobalCredentials, assertHomeUntouched, createKey, deleteKey, listKeys, newIamClient,
  sdkSignedHeaders, updateKey,
} from "./huawei_sdk.mjs";

// The recorder's upstream credentials (made up, of Huawei's shapes).
const UPSTREAM_AK = "HPUAUPSTREAMEXAMPLE1";
const UPSTREAM_SK = "fakeiamUpstreamSigningSecret000000000000";
const SECURITY_TOKEN = "fakeiam-upstream-token/+=";
const USER = "07609fb9358010e21f7bc003751c7c32";
const KEY = "HPUAEXAMPLEAKID00001";
const AUTHORIZATION =
  /^SDK-HMAC-SHA256 Access=(?<access>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$/;

const scratch = mkdtempSync(join(tmpdir(), "fakeiam-huawei-signing-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
after(assertHomeUntouched);

// Keeps every request; answers with a canned body that the SDK parses for any of the calls.
async function startCapture() {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method, target: req.url, rawHeaders: req.rawHeaders,
        headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (req.method === "DELETE") {
        res.writeHead(204, { "X-Request-Id": "0".repeat(32) }).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "0".repeat(32) })
        .end(JSON.stringify({ access_keys: [], page_info: { current_count: 0 } }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  return {
    requests, port, endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The recorder, with the upstream credentials in its environment only (see record_replay_test.mjs:
// startFakeiamServer spawns before its first await).
async function startRecorder(capture, env) {
  const names = Object.keys(env);
  Object.assign(process.env, env);
  const starting = startFakeiamServer(["--record", join(scratch, "f.json"), "--upstream",
    capture.endpoint]);
  for (const name of names) delete process.env[name];
  return starting;
}

// What the SDK's signer makes of the captured request, at its X-Sdk-Date. The SDK signs every
// header it is given (and host, from the endpoint), so it is given the ones the recorder signed.
async function sdkAuthorization(request, capture, token) {
  const signed = AUTHORIZATION.exec(request.headers.authorization).groups.signed.split(";");
  const headers = {};
  for (const name of signed) {
    if (name === "host" || name === "x-security-token") continue; // from the endpoint, the credentials
    headers[name === "x-sdk-date" ? "X-Sdk-Date" : name] = request.headers[name];
  }
  const url = new URL(request.target, capture.endpoint);
  // The SDK hashes JSON.stringify(data): give it the parsed body, which must stringify back to the
  // bytes that were sent.
  let data;
  if (request.body !== "") {
    data = JSON.parse(request.body);
    assert.equal(JSON.stringify(data), request.body);
  }
  let credentials = new GlobalCredentials().withAk(UPSTREAM_AK).withSk(UPSTREAM_SK);
  if (token) credentials = credentials.withSecurityToken(token);
  const sdkHeaders = await sdkSignedHeaders(credentials, {
    endpoint: capture.endpoint, url: url.pathname, method: request.method, headers,
    query: Object.fromEntries(url.searchParams), data,
  });
  return { authorization: sdkHeaders.Authorization, signed };
}

describe("the recorder signs again as the Huawei SDK signs", () => {
  let capture;
  beforeEach(async () => {
    capture = await startCapture();
  });
  afterEach(() => capture.stop());

  async function check(token) {
    const env = { HUAWEICLOUD_SDK_AK: UPSTREAM_AK, HUAWEICLOUD_SDK_SK: UPSTREAM_SK };
    if (token) env.HUAWEICLOUD_SDK_SECURITY_TOKEN = token;
    const recorder = await startRecorder(capture, env);
    try {
      const client = newIamClient(recorder.endpoint);
      // A query with characters to encode, a JSON body, no body, and a DELETE.
      await listKeys(client, USER, { limit: 1, marker: "bWFya2VyLTI=+/ x" });
      await updateKey(client, USER, KEY, "inactive");
      await createKey(client, USER);
      await deleteKey(client, USER, KEY);
    } finally {
      assert.equal(await recorder.stop(), 0, recorder.stderr());
    }
    assert.deepEqual(capture.requests.map((r) => [r.method, new URL(r.target, capture.endpoint).pathname]), [
      ["GET", `/v5/users/${USER}/access-keys`],
      ["PUT", `/v5/users/${USER}/access-keys/${KEY}`],
      ["POST", `/v5/users/${USER}/access-keys`],
      ["DELETE", `/v5/users/${USER}/access-keys/${KEY}`],
    ]);
    assert.equal(capture.requests[1].body, '{"status":"inactive"}');
    assert.deepEqual(Object.fromEntries(new URL(capture.requests[0].target, capture.endpoint).searchParams),
      { limit: "1", marker: "bWFya2VyLTI=+/ x" });
    for (const request of capture.requests) {
      const label = `${request.method} ${request.target}`;
      const parts = AUTHORIZATION.exec(request.headers.authorization ?? "");
      assert.ok(parts, `${label}: Authorization ${request.headers.authorization}`);
      // The recorder's AK, not the SDK client's; signed just now; for the capture's address.
      assert.equal(parts.groups.access, UPSTREAM_AK, label);
      assert.equal(request.headers.host, `127.0.0.1:${capture.port}`, label);
      const sdkDate = request.headers["x-sdk-date"];
      assert.match(sdkDate, /^\d{8}T\d{6}Z$/, label);
      const signedAt = Date.parse(sdkDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/,
        "$1-$2-$3T$4:$5:$6Z"));
      assert.ok(Math.abs(Date.now() - signedAt) < 300_000, `${label}: X-Sdk-Date ${sdkDate}`);
      // Exactly one Authorization field went out: the client's own was not forwarded.
      const authorizations = request.rawHeaders.filter((_, i) => i % 2 === 0 &&
        request.rawHeaders[i].toLowerCase() === "authorization");
      assert.equal(authorizations.length, 1, label);

      const { authorization, signed } = await sdkAuthorization(request, capture, token);
      assert.equal(request.headers.authorization, authorization, label);
      for (const name of ["host", "x-sdk-date", "content-type"]) assert.ok(signed.includes(name), `${label}: ${name} signed`);
      if (token) {
        assert.equal(request.headers["x-security-token"], token, label);
        assert.ok(signed.includes("x-security-token"), label);
      } else {
        assert.equal(request.headers["x-security-token"], undefined, label);
      }
    }
  }

  test("AK/SK: each call's Authorization is the SDK signer's", () => check());
  test("with a security token: sent, signed, and the SDK signer's", () => check(SECURITY_TOKEN));
});
