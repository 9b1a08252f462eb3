// Signs a few requests with the Huawei Cloud Node.js SDK's own signer, the way its clients do
// (BaseCredentials.processAuthRequest, which calls AKSKSigner), and prints them as JSON, one
// request a line: fixtures/signing/huawei_sdk_signatures.json, which
// tests/auth/sdk_hmac_signing_test.cpp signs again with fakeiam's signer.
//
//   node sdk_hmac_signer_check.mjs                 print the fixture
//   node sdk_hmac_signer_check.mjs --check FILE    exit 1 unless FILE is what the SDK signs now
import { readFileSync } from "node:fs";
import { stringify } from "node:querystring";

import { BasicCredentials, GlobalCredentials, sdkSignedHeaders } from "./huawei_sdk.mjs";

const ENDPOINT = "http://127.0.0.1:45041";
const AK = "HPUAEXAMPLEAK0000001";
const SK = "fakeiamSigningFixtureSecret0000000000000";
const SDK_DATE = "20261122T194006Z";
const USER = "/v5/users/07609fb9358010e21f7bc003751c7c32";
const JSON_TYPE = { "content-type": "application/json" };

const globalCredentials = () => new GlobalCredentials().withAk(AK).withSk(SK);
// The path has characters to encode, but none that the SDK's legacy URL parser escapes before
// signing (quote, backtick, |, ^, braces, < and >): the SDK signs those escaped twice while the
// wire carries them escaped once, so no server could verify them.
const CASES = [
  { name: "list page with a marker", method: "GET", url: `${USER}/access-keys`, headers: JSON_TYPE,
    query: { limit: 1, marker: "bWFya2VyLTI=" } },
  { name: "update with a JSON body", method: "PUT", url: `${USER}/access-keys/HPUAEXAMPLEAKID00001`,
    headers: JSON_TYPE, data: { status: "inactive" } },
  { name: "create with no body", method: "POST", url: `${USER}/access-keys`, headers: JSON_TYPE },
  { name: "path characters to encode", method: "GET",
    url: "/v5/users/ü(x)!*$:@,;=+~&é€😀[]/access-keys", headers: JSON_TYPE },
  { name: "query sorted by decoded names", method: "GET", url: `${USER}/access-keys`,
    headers: JSON_TYPE, query: { z: "2", "ü": "1", "a b": "c+d", A: "upper", empty: "" } },
  { name: "temporary credentials with a domain id", method: "DELETE",
    url: `${USER}/access-keys/HPUAEXAMPLEAKID00001`, headers: JSON_TYPE,
    credentials: globalCredentials().withSecurityToken("fakeiam-session-token/+=").withDomainId(
      "0970d5a1d2a84ec4b3b8a8a7b3f2c1d0") },
  { name: "project credentials", method: "GET", url: `${USER}/access-keys`, headers: JSON_TYPE,
    credentials: new BasicCredentials().withAk(AK).withSk(SK).withProjectId(
      "5f8a3c2b1d0e4f6a7b8c9d0e1f2a3b4c") },
  { name: "unsigned payload of a non-JSON body", method: "PUT", url: `${USER}/blob`,
    headers: { "content-type": "application/octet-stream" }, data: "opaque bytes" },
];

async function signed(c) {
  const credentials = c.credentials ?? globalCredentials();
  const headers = await sdkSignedHeaders(credentials, {
    endpoint: ENDPOINT, url: c.url, method: c.method,
    headers: { ...c.headers, "X-Sdk-Date": SDK_DATE }, query: c.query, data: c.data,
  });
  const {
    Authorization: authorization,
    "X-Sdk-Date": sdkDate,
    "X-Security-Token": securityToken,
    ...unsignedHeaders
  } = headers;
  return {
    case: c.name,
    access_key_id: credentials.getAk(),
    secret_access_key: credentials.getSk(),
    security_token: securityToken ?? "",
    sdk_date: sdkDate,
    method: c.method,
    // What goes on the wire: axios normalises the path with the WHATWG URL parser, and the SDK's
    // HTTP client serialises the query with node:querystring.
    path: new URL(ENDPOINT + c.url).pathname,
    query: stringify(c.query ?? {}),
    headers: unsignedHeaders,
    body: c.data === undefined ? "" : typeof c.data === "string" ? c.data : JSON.stringify(c.data),
    authorization,
  };
}

const lines = [];
for (const c of CASES) lines.push(JSON.stringify(await signed(c)));
const fixture = `[\n${lines.join(",\n")}\n]\n`;

const checkAt = process.argv.indexOf("--check");
if (checkAt === -1) {
  process.stdout.write(fixture);
} else {
  const file = process.argv[checkAt + 1];
  if (readFileSync(file, "utf8") !== fixture) {
    process.stderr.write(`${file} is not what the SDK signs now; regenerate it with\n` +
                         `  node sdk_hmac_signer_check.mjs > ${file}\nThe SDK signs:\n${fixture}`);
    process.exit(1);
  }
  console.log(`${file}: the ${lines.length} signatures match the SDK's`);
}
