// The Huawei Cloud Node.js SDK as the real-client suites (huawei_sdk_test.mjs,
// huawei_faults_test.mjs, record_replay_test.mjs, upstream_signing_test.mjs) and
// sdk_hmac_signer_check.mjs load it: a scratch HOME, the SDK's classes, quiet logging, the
// fixture, the SDK's own signer, and users created over the AWS Query API. One module so that
// every suite sets up the SDK the same way.
//
// Order matters: the environment is cleaned before the SDK is first required below (an ES module's
// body runs top to bottom once its imports, node built-ins here, are loaded).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The core writes ~/.huaweicloud/application_id when a client is built without a custom user
// agent. Every client in the suites has one; HOME points at a scratch directory anyway, so a
// regression can neither touch the developer's home nor go unnoticed (assertHomeUntouched).
export const scratchHome = mkdtempSync(join(tmpdir(), "fakeiam-huawei-home-"));
process.env.HOME = scratchHome;
// Keep the developer's Huawei settings out of the clients (the builder reads these).
for (const name of Object.keys(process.env)) {
  if (name.startsWith("HUAWEICLOUD_")) delete process.env[name];
}
delete process.env.DEBUG; // DEBUG=DEBUG turns the SDK's loggers up
process.on("exit", () => rmSync(scratchHome, { recursive: true, force: true }));

// For a suite's last after(): fails if the SDK created ~/.huaweicloud; removes the scratch HOME.
export function assertHomeUntouched() {
  const leaked = existsSync(join(scratchHome, ".huaweicloud"));
  rmSync(scratchHome, { recursive: true, force: true });
  assert.equal(leaked, false, "the SDK wrote ~/.huaweicloud");
}

// The SDK is CommonJS. Its package entry points are broken in iam 3.1.172 (v5/public-api.js
// re-exports a missing './GlobalCredentials,BasicCredentials'), so require the files themselves.
const require = createRequire(import.meta.url);
export const { IamClient } = require("@huaweicloud/huaweicloud-sdk-iam/v5/IamClient");
const model = (name) => require(`@huaweicloud/huaweicloud-sdk-iam/v5/model/${name}`)[name];
export const CreateAccessKeyV5Request = model("CreateAccessKeyV5Request");
export const DeleteAccessKeyV5Request = model("DeleteAccessKeyV5Request");
export const ListAccessKeysV5Request = model("ListAccessKeysV5Request");
export const ShowAccessKeyLastUsedV5Request = model("ShowAccessKeyLastUsedV5Request");
export const UpdateAccessKeyReqBody = model("UpdateAccessKeyReqBody");
export const UpdateAccessKeyV5Request = model("UpdateAccessKeyV5Request");
export const { GlobalCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials");
export const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials");
const { HttpRequestBuilder } = require("@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder");
const exception = (name) => require(`@huaweicloud/huaweicloud-sdk-core/exception/${name}`)[name];
export const ClientRequestException = exception("ClientRequestException");
export const ServerResponseException = exception("ServerResponseException");
export const ServiceResponseException = exception("ServiceResponseException");
export const axios = require("axios"); // the SDK's own (hoisted) copy, for its default transforms
// Loading the core configured log4js to print every HTTP error in colour on stdout. Replace that
// configuration (the SDK's loggers look it up on each call): stderr, off unless asked for.
require("log4js").configure({
  appenders: { stderr: { type: "stderr", layout: { type: "basic" } } },
  categories: { default: { appenders: ["stderr"], level: process.env.FAKEIAM_SDK_LOG_LEVEL ?? "off" } },
});

// The two-users fixture (--state): a URL for the server's path, its parsed content for the tests.
export const FIXTURE = new URL("../../../fixtures/huawei/two-users.json", import.meta.url);
export const fixture = JSON.parse(readFileSync(FIXTURE, "utf8"));
export const fixtureUser = (name) => fixture.users.find((u) => u.name === name);

// The five v5 access-key calls on a client `c`, with the SDK's request classes (listKeys pages
// with { limit, marker } when given them).
export const listKeys = (c, userId, { limit, marker } = {}) => {
  const r = new ListAccessKeysV5Request(userId);
  if (limit !== undefined) r.withLimit(limit);
  if (marker !== undefined) r.withMarker(marker);
  return c.listAccessKeysV5(r);
};
export const createKey = (c, userId) => c.createAccessKeyV5(new CreateAccessKeyV5Request(userId));
export const updateKey = (c, userId, keyId, status) => c.updateAccessKeyV5(
  new UpdateAccessKeyV5Request(userId, keyId).withBody(new UpdateAccessKeyReqBody(status)));
export const deleteKey = (c, userId, keyId) =>
  c.deleteAccessKeyV5(new DeleteAccessKeyV5Request(userId, keyId));
export const lastUsed = (c, userId, keyId) =>
  c.showAccessKeyLastUsedV5(new ShowAccessKeyLastUsedV5Request(userId, keyId));

// Well-formed, never issued: the "admin" clients sign with it (fakeiam does not require a known
// key, see the signing tests in huawei_sdk_test.mjs).
export const ADMIN_AK = "FAKEIAMTESTSADMIN000";
export const ADMIN_SK = "fakeiamTestsAdminSecret0000000000000000";

// The SDK's own signer, called the way its clients call it (BaseCredentials.processAuthRequest,
// which calls AKSKSigner): the headers of the request built from these parts, once `credentials`
// signed it (Authorization, X-Sdk-Date, X-Security-Token among them).
export async function sdkSignedHeaders(credentials,
                                       { endpoint, url, method, headers, query = {}, data }) {
  const request = new HttpRequestBuilder()
    .withEndpoint(endpoint)
    .withUrl(url)
    .withMethod(method)
    .withHeaders(headers)
    .withQueryParams(query)
    .withData(data)
    .build();
  return (await credentials.processAuthRequest(null, request)).headers;
}

// Creates a user through the AWS Query API on a huawei-profile server's endpoint (v5 has no user
// calls here); returns its id, which a huawei-profile store makes 32 hex digits.
export async function createUser(endpoint, name) {
  const response = await fetch(`${endpoint}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ Action: "CreateUser", UserName: name, Version: "2010-05-08" }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const id = /<UserId>([^<]+)<\/UserId>/.exec(text)?.[1];
  assert.match(id, /^[0-9a-f]{32}$/);
  return id;
}

// An IamClient as a user builds one: AK/SK (the admin's unless given), the endpoint (a string, or
// several: the SDK's backup endpoints), no region (a region would replace the endpoint with
// Huawei's and make the SDK look up a domain id there), and a custom user agent (see scratchHome).
// `axiosRequestConfig`, the SDK's documented UserOptions hook, lets a suite see the wire.
export function newIamClient(endpoint, ak = ADMIN_AK, sk = ADMIN_SK, axiosRequestConfig) {
  const options = { customUserAgent: "fakeiam-tests" };
  if (axiosRequestConfig !== undefined) options.axiosRequestConfig = axiosRequestConfig;
  return IamClient.newBuilder()
    .withCredential(new GlobalCredentials().withAk(ak).withSk(sk))
    .withEndpoint(endpoint)
    .withOptions(options)
    .build();
}
