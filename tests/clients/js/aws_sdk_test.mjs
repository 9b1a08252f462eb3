// Real-client tests of fakeiam-server with the AWS SDK for JavaScript v3 (@aws-sdk/client-iam).
//
// Run: FAKEIAM_SERVER=/path/to/fakeiam-server node --test aws_sdk_test.mjs
// Each describe block starts its own server, so blocks share no state.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMClient,
  IAMServiceException,
  ListAccessKeysCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
  paginateListAccessKeys,
  paginateListUsers,
} from "@aws-sdk/client-iam";

import { startFakeiamServer, useFakeiamServer } from "../fakeiam_server.mjs";

// Keep the developer's own AWS configuration out of the clients (the SDK reads these files for
// settings such as retries and endpoints even when credentials are given explicitly).
for (const name of Object.keys(process.env)) {
  if (name.startsWith("AWS_")) delete process.env[name];
}
process.env.AWS_CONFIG_FILE = "/dev/null";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/dev/null";
process.env.AWS_EC2_METADATA_DISABLED = "true";
// Node 20 is what the project has; the SDK's advice to upgrade is noise in the test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ACCESS_KEY_ID = /^AKIA[A-Z2-7]{16}$/;
const SECRET = /^[A-Za-z0-9+/]{40}$/;
const USER_ID = /^AIDA[A-Z2-7]{17}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Well-formed but never issued by the server: the fake treats its signer as the account root.
const UNKNOWN_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const UNKNOWN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

// A fakeiam-server with a factory of AWS SDK clients for it.
async function startServer(...args) {
  const server = await startFakeiamServer(args);
  const clients = [];
  return {
    ...server,
    // A client of this server, signing with the given key and region.
    client({ accessKeyId = UNKNOWN_KEY_ID, secretAccessKey = UNKNOWN_SECRET, region = "us-east-1" } = {}) {
      const client = new IAMClient({
        endpoint: server.endpoint,
        region,
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });
      clients.push(client);
      return client;
    },
    // Clients are destroyed only after the server stopped, so that it has to stop with idle
    // keep-alive connections still open, as it would under a real test runner.
    async stop() {
      const code = await server.stop();
      for (const client of clients) client.destroy();
      return code;
    },
  };
}

// One describe block's server: started before its tests, stopped (exit 0 asserted) after them.
function useServer(...args) {
  return useFakeiamServer(() => startServer(...args));
}

// Asserts that `promise` rejects with the service error the SDK builds for this IAM error.
async function assertServiceError(promise, { name, code, status, message }) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof IAMServiceException, `${err.name}: ${err.message}`);
    assert.equal(err.name, name);
    assert.equal(err.Code, code); // the <Code> on the wire, which the SDK keeps for query errors
    assert.equal(err.$fault, "client");
    assert.equal(err.$metadata.httpStatusCode, status);
    assert.match(err.$metadata.requestId, UUID);
    if (message instanceof RegExp) assert.match(err.message, message);
    else assert.equal(err.message, message);
    return true;
  });
}

function assertRecentDate(value, label) {
  assert.ok(value instanceof Date && !Number.isNaN(value.getTime()), `${label} is a Date`);
  // The server runs on the wall clock by default and stores whole seconds.
  assert.ok(Math.abs(value.getTime() - Date.now()) < 120_000, `${label} ${value.toISOString()} is now`);
}

async function collect(paginator) {
  const pages = [];
  for await (const page of paginator) pages.push(page);
  return pages;
}

describe("seed scenario: access keys of Bob", () => {
  const s = useServer();

  test("create, list, delete access keys as in the AWS CLI examples", async () => {
    const iam = s.server.client();
    const created = await iam.send(new CreateUserCommand({ UserName: "Bob" }));
    assert.equal(created.User.UserName, "Bob");
    assert.equal(created.$metadata.httpStatusCode, 200);
    assert.match(created.$metadata.requestId, UUID);

    const keys = [];
    for (let i = 0; i < 2; i++) {
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "Bob" }));
      assert.deepEqual(Object.keys(AccessKey).sort(),
        ["AccessKeyId", "CreateDate", "SecretAccessKey", "Status", "UserName"]);
      assert.equal(AccessKey.UserName, "Bob");
      assert.match(AccessKey.AccessKeyId, ACCESS_KEY_ID);
      assert.equal(AccessKey.Status, "Active"); // new keys start Active
      assert.equal(AccessKey.SecretAccessKey.length, 40);
      assert.match(AccessKey.SecretAccessKey, SECRET);
      assertRecentDate(AccessKey.CreateDate, "CreateDate");
      keys.push(AccessKey);
    }
    assert.notEqual(keys[0].AccessKeyId, keys[1].AccessKeyId);
    assert.notEqual(keys[0].SecretAccessKey, keys[1].SecretAccessKey);

    const listed = await iam.send(new ListAccessKeysCommand({ UserName: "Bob" }));
    assert.equal(listed.IsTruncated, false);
    assert.equal(listed.Marker, undefined);
    // Metadata only: the secret is never shown again after CreateAccessKey.
    assert.deepEqual(listed.AccessKeyMetadata, keys.map(({ SecretAccessKey, ...meta }) => meta));
    for (const meta of listed.AccessKeyMetadata) assert.equal("SecretAccessKey" in meta, false);

    const deleted = await iam.send(
      new DeleteAccessKeyCommand({ UserName: "Bob", AccessKeyId: keys[0].AccessKeyId }));
    assert.equal(deleted.$metadata.httpStatusCode, 200);

    const after = await iam.send(new ListAccessKeysCommand({ UserName: "Bob" }));
    assert.equal(after.IsTruncated, false);
    assert.deepEqual(after.AccessKeyMetadata.map((k) => k.AccessKeyId), [keys[1].AccessKeyId]);
  });

  test("UpdateAccessKey makes a key Inactive and Active again", async () => {
    const iam = s.server.client();
    await iam.send(new CreateUserCommand({ UserName: "Dana" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "Dana" }));
    const status = async () =>
      (await iam.send(new ListAccessKeysCommand({ UserName: "Dana" }))).AccessKeyMetadata[0].Status;
    await iam.send(new UpdateAccessKeyCommand(
      { UserName: "Dana", AccessKeyId: AccessKey.AccessKeyId, Status: "Inactive" }));
    assert.equal(await status(), "Inactive");
    await iam.send(new UpdateAccessKeyCommand(
      { UserName: "Dana", AccessKeyId: AccessKey.AccessKeyId, Status: "Active" }));
    assert.equal(await status(), "Active");
  });
});

describe("pagination", () => {
  // --clock fixed steps one second per event, so creation order is visible in CreateDate too.
  const s = useServer("--key-quota", "50", "--clock", "fixed");
  const created = [];

  before(async () => {
    const iam = s.server.client();
    await iam.send(new CreateUserCommand({ UserName: "Pager" }));
    for (let i = 0; i < 23; i++) {
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "Pager" }));
      created.push(AccessKey.AccessKeyId);
    }
  });

  test("paginateListAccessKeys with pageSize 5 yields every key once, in creation order", async () => {
    const iam = s.server.client();
    const pages = await collect(paginateListAccessKeys({ client: iam, pageSize: 5 }, { UserName: "Pager" }));
    // pageSize becomes MaxItems on the wire: without it the server would answer in one page.
    assert.ok(pages.length >= Math.ceil(23 / 5), `${pages.length} pages`);
    pages.forEach((page, i) => {
      const last = i === pages.length - 1;
      assert.ok(page.AccessKeyMetadata.length <= 5, `page ${i} has ${page.AccessKeyMetadata.length}`);
      assert.equal(page.IsTruncated, !last, `page ${i} IsTruncated`);
      if (last) assert.equal(page.Marker, undefined);
      else assert.equal(typeof page.Marker, "string");
    });
    const listed = pages.flatMap((p) => p.AccessKeyMetadata);
    assert.deepEqual(listed.map((k) => k.AccessKeyId), created);
    for (let i = 1; i < listed.length; i++) {
      assert.ok(listed[i].CreateDate > listed[i - 1].CreateDate, "CreateDate ascends");
    }
  });

  test("manual Marker/MaxItems paging with ListAccessKeysCommand", async () => {
    const iam = s.server.client();
    const seen = [];
    let marker;
    let requests = 0;
    do {
      const page = await iam.send(new ListAccessKeysCommand({ UserName: "Pager", MaxItems: 7, Marker: marker }));
      requests++;
      assert.ok(page.AccessKeyMetadata.length <= 7);
      seen.push(...page.AccessKeyMetadata.map((k) => k.AccessKeyId));
      // Follow IsTruncated, never the item count: Marker is present exactly when truncated.
      assert.equal(page.Marker !== undefined, page.IsTruncated);
      marker = page.Marker;
    } while (marker !== undefined);
    assert.ok(requests >= 4, `${requests} requests`);
    assert.deepEqual(seen, created);

    // MaxItems 1000 (the maximum) fits all of them at once.
    const all = await iam.send(new ListAccessKeysCommand({ UserName: "Pager", MaxItems: 1000 }));
    assert.equal(all.IsTruncated, false);
    assert.deepEqual(all.AccessKeyMetadata.map((k) => k.AccessKeyId), created);
  });

  test("paginateListUsers with pageSize", async () => {
    const iam = s.server.client();
    const names = ["u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    for (const name of names) {
      await iam.send(new CreateUserCommand({ UserName: name, Path: "/paged/" }));
    }
    const pages = await collect(paginateListUsers({ client: iam, pageSize: 3 }, { PathPrefix: "/paged/" }));
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    for (const page of pages) assert.ok(page.Users.length <= 3);
    assert.equal(pages.at(-1).IsTruncated, false);
    const listed = pages.flatMap((p) => p.Users.map((u) => u.UserName));
    assert.deepEqual([...listed].sort(), names); // each exactly once

    // Without PathPrefix every user is listed, including Pager at "/".
    const everyone = await collect(paginateListUsers({ client: iam, pageSize: 2 }, {}));
    assert.deepEqual(everyone.flatMap((p) => p.Users.map((u) => u.UserName)).sort(), ["Pager", ...names]);
  });
});

describe("implicit user from the signing key", () => {
  const s = useServer();
  let admin;
  let bobKey;

  before(async () => {
    admin = s.server.client();
    await admin.send(new CreateUserCommand({ UserName: "Bob" }));
    await admin.send(new CreateUserCommand({ UserName: "Alice" }));
    await admin.send(new CreateAccessKeyCommand({ UserName: "Alice" }));
    bobKey = (await admin.send(new CreateAccessKeyCommand({ UserName: "Bob" }))).AccessKey;
  });

  test("a key issued to Bob acts on Bob when UserName is omitted", async () => {
    const asBob = s.server.client({ accessKeyId: bobKey.AccessKeyId, secretAccessKey: bobKey.SecretAccessKey });

    const user = await asBob.send(new GetUserCommand({}));
    const bob = await admin.send(new GetUserCommand({ UserName: "Bob" }));
    assert.deepEqual(user.User, bob.User);

    const listed = await asBob.send(new ListAccessKeysCommand({}));
    assert.deepEqual(listed.AccessKeyMetadata.map((k) => [k.UserName, k.AccessKeyId]),
      [["Bob", bobKey.AccessKeyId]]);

    const { AccessKey } = await asBob.send(new CreateAccessKeyCommand({}));
    assert.equal(AccessKey.UserName, "Bob");
    assert.match(AccessKey.AccessKeyId, ACCESS_KEY_ID);
    const bobs = await admin.send(new ListAccessKeysCommand({ UserName: "Bob" }));
    assert.deepEqual(bobs.AccessKeyMetadata.map((k) => k.AccessKeyId), [bobKey.AccessKeyId, AccessKey.AccessKeyId]);

    // Bob's key deletes Bob's key without naming him; Alice's keys are untouched.
    await asBob.send(new DeleteAccessKeyCommand({ AccessKeyId: AccessKey.AccessKeyId }));
    assert.equal((await admin.send(new ListAccessKeysCommand({ UserName: "Bob" }))).AccessKeyMetadata.length, 1);
    assert.equal((await admin.send(new ListAccessKeysCommand({ UserName: "Alice" }))).AccessKeyMetadata.length, 1);
  });

  test("an unknown key id acts as the account root", async () => {
    const root = s.server.client(); // signs with UNKNOWN_KEY_ID
    const { User } = await root.send(new GetUserCommand({}));
    // The root's record has no UserName or Path; its id is the account id.
    assert.equal(User.UserName, undefined);
    assert.equal(User.Path, undefined);
    assert.match(User.UserId, /^\d{12}$/);
    assert.equal(User.Arn, `arn:aws:iam::${User.UserId}:root`);
    assert.ok(User.CreateDate instanceof Date);

    // The account root's keys are its own: not Bob's, not Alice's.
    const before = await root.send(new ListAccessKeysCommand({}));
    assert.deepEqual(before.AccessKeyMetadata, []);
    const { AccessKey } = await root.send(new CreateAccessKeyCommand({}));
    assert.match(AccessKey.AccessKeyId, ACCESS_KEY_ID);
    assert.match(AccessKey.SecretAccessKey, SECRET);
    const listed = await root.send(new ListAccessKeysCommand({}));
    assert.deepEqual(listed.AccessKeyMetadata.map((k) => k.AccessKeyId), [AccessKey.AccessKeyId]);
    const bobs = await admin.send(new ListAccessKeysCommand({ UserName: "Bob" }));
    assert.ok(!bobs.AccessKeyMetadata.some((k) => k.AccessKeyId === AccessKey.AccessKeyId));

    // A key the root created signs as the root too.
    const asRootKey = s.server.client({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey });
    assert.deepEqual((await asRootKey.send(new GetUserCommand({}))).User, User);
    await root.send(new DeleteAccessKeyCommand({ AccessKeyId: AccessKey.AccessKeyId }));
    assert.deepEqual((await root.send(new ListAccessKeysCommand({}))).AccessKeyMetadata, []);
  });
});

describe("GetAccessKeyLastUsed", () => {
  const s = useServer();

  test("N/A until used, then the date, service and signing region of the last use", async () => {
    const admin = s.server.client();
    await admin.send(new CreateUserCommand({ UserName: "Carol" }));
    const { AccessKey } = await admin.send(new CreateAccessKeyCommand({ UserName: "Carol" }));

    const never = await admin.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey.AccessKeyId }));
    assert.equal(never.UserName, "Carol");
    assert.deepEqual(never.AccessKeyLastUsed, { ServiceName: "N/A", Region: "N/A" });

    const sydney = s.server.client({
      accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey, region: "ap-southeast-2",
    });
    await sydney.send(new ListAccessKeysCommand({}));

    const used = await admin.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey.AccessKeyId }));
    assert.equal(used.UserName, "Carol");
    assert.equal(used.AccessKeyLastUsed.ServiceName, "iam");
    assert.equal(used.AccessKeyLastUsed.Region, "ap-southeast-2");
    assertRecentDate(used.AccessKeyLastUsed.LastUsedDate, "LastUsedDate");
    assert.ok(used.AccessKeyLastUsed.LastUsedDate >= AccessKey.CreateDate, "used after it was created");
  });
});

describe("errors as the SDK surfaces them", () => {
  const s = useServer();
  let iam;
  let rootArn;

  before(async () => {
    iam = s.server.client();
    rootArn = (await iam.send(new GetUserCommand({}))).User.Arn;
    await iam.send(new CreateUserCommand({ UserName: "Bob" }));
  });

  test("NoSuchEntity: unknown user, unknown access key", async () => {
    await assertServiceError(iam.send(new GetUserCommand({ UserName: "Nobody" })), {
      name: "NoSuchEntityException", code: "NoSuchEntity", status: 404,
      message: "The user with name Nobody cannot be found.",
    });
    await assertServiceError(iam.send(new ListAccessKeysCommand({ UserName: "Nobody" })), {
      name: "NoSuchEntityException", code: "NoSuchEntity", status: 404,
      message: "The user with name Nobody cannot be found.",
    });
    await assertServiceError(iam.send(new DeleteAccessKeyCommand({ UserName: "Bob", AccessKeyId: UNKNOWN_KEY_ID })), {
      name: "NoSuchEntityException", code: "NoSuchEntity", status: 404,
      message: `The Access Key with id ${UNKNOWN_KEY_ID} cannot be found.`,
    });
    // Another user's key counts as missing too.
    await iam.send(new CreateUserCommand({ UserName: "Other" }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "Other" }));
    await assertServiceError(iam.send(new DeleteAccessKeyCommand({ UserName: "Bob", AccessKeyId: AccessKey.AccessKeyId })), {
      name: "NoSuchEntityException", code: "NoSuchEntity", status: 404,
      message: `The Access Key with id ${AccessKey.AccessKeyId} cannot be found.`,
    });
    const others = await iam.send(new ListAccessKeysCommand({ UserName: "Other" }));
    assert.deepEqual(others.AccessKeyMetadata.map((k) => k.AccessKeyId), [AccessKey.AccessKeyId]);
  });

  test("EntityAlreadyExists: CreateUser twice (names ignore case)", async () => {
    await assertServiceError(iam.send(new CreateUserCommand({ UserName: "Bob" })), {
      name: "EntityAlreadyExistsException", code: "EntityAlreadyExists", status: 409,
      message: "User with name Bob already exists.",
    });
    await assertServiceError(iam.send(new CreateUserCommand({ UserName: "BOB" })), {
      name: "EntityAlreadyExistsException", code: "EntityAlreadyExists", status: 409,
      message: /^User with name BOB already exists\.$/i,
    });
  });

  test("LimitExceeded: a third access key with the default quota of 2", async () => {
    await iam.send(new CreateUserCommand({ UserName: "Quota" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "Quota" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "Quota" }));
    await assertServiceError(iam.send(new CreateAccessKeyCommand({ UserName: "Quota" })), {
      name: "LimitExceededException", code: "LimitExceeded", status: 409,
      message: "Cannot exceed quota for AccessKeysPerUser: 2",
    });
  });

  test("DeleteConflict: DeleteUser of a user with keys", async () => {
    await iam.send(new CreateUserCommand({ UserName: "Keyed" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "Keyed" }));
    await assertServiceError(iam.send(new DeleteUserCommand({ UserName: "Keyed" })), {
      name: "DeleteConflictException", code: "DeleteConflict", status: 409,
      message: "Cannot delete entity, must delete access keys first.",
    });
  });

  test("ValidationError is not modelled: a generic IAMServiceException named by its code", async () => {
    await assertServiceError(iam.send(new CreateUserCommand({ UserName: "bad name" })), {
      name: "ValidationError", code: "ValidationError", status: 400,
      message: "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy " +
        "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    });
  });

  test("InvalidInput: a malformed Marker", async () => {
    // ListAccessKeys does not list InvalidInput among its errors, yet the SDK looks the code up
    // among all of IAM's modelled errors and builds InvalidInputException.
    await assertServiceError(iam.send(new ListAccessKeysCommand({ UserName: "Bob", Marker: "garbage" })), {
      name: "InvalidInputException", code: "InvalidInput", status: 400, message: /marker/i,
    });
  });

  test("AccessDenied: GetAccessKeyLastUsed of a key that does not exist", async () => {
    // IAM answers 403, not 404, here; AccessDenied is not modelled, so the error is generic.
    await assertServiceError(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: UNKNOWN_KEY_ID })), {
      name: "AccessDenied", code: "AccessDenied", status: 403,
      // Real IAM's wording for this case, as recorded from AWS: no colon after "perform" (its
      // policy denials elsewhere have one).
      message: new RegExp(`^User: ${rootArn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not authorized ` +
        `to perform iam:GetAccessKeyLastUsed on resource: access key ${UNKNOWN_KEY_ID}$`),
    });
  });

  test("each response carries its own request id", async () => {
    const ids = new Set();
    for (let i = 0; i < 3; i++) {
      ids.add((await iam.send(new ListUsersCommand({}))).$metadata.requestId);
      await iam.send(new GetUserCommand({ UserName: "Nobody" })).catch((e) => ids.add(e.$metadata.requestId));
    }
    assert.equal(ids.size, 6);
    for (const id of ids) assert.match(id, UUID);
  });
});

describe("users", () => {
  const s = useServer();

  test("CreateUser with a path, GetUser, ListUsers by PathPrefix, DeleteUser", async () => {
    const iam = s.server.client();
    const account = (await iam.send(new GetUserCommand({}))).User.UserId;
    await iam.send(new CreateUserCommand({ UserName: "Bob" })); // at "/"

    const { User } = await iam.send(new CreateUserCommand({ UserName: "Erin", Path: "/eng/" }));
    assert.equal(User.UserName, "Erin");
    assert.equal(User.Path, "/eng/");
    assert.match(User.UserId, USER_ID);
    assert.equal(User.Arn, `arn:aws:iam::${account}:user/eng/Erin`);
    assertRecentDate(User.CreateDate, "CreateDate");

    assert.deepEqual((await iam.send(new GetUserCommand({ UserName: "Erin" }))).User, User);

    const eng = await iam.send(new ListUsersCommand({ PathPrefix: "/eng/" }));
    assert.equal(eng.IsTruncated, false);
    assert.deepEqual(eng.Users, [User]);
    const all = await iam.send(new ListUsersCommand({}));
    assert.deepEqual(all.Users.map((u) => u.UserName).sort(), ["Bob", "Erin"]);
    assert.deepEqual((await iam.send(new ListUsersCommand({ PathPrefix: "/ops/" }))).Users, []);

    // A user with an access key cannot be deleted until the key is.
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "Erin" }));
    await assertServiceError(iam.send(new DeleteUserCommand({ UserName: "Erin" })), {
      name: "DeleteConflictException", code: "DeleteConflict", status: 409,
      message: "Cannot delete entity, must delete access keys first.",
    });
    await iam.send(new DeleteAccessKeyCommand({ UserName: "Erin", AccessKeyId: AccessKey.AccessKeyId }));
    const deleted = await iam.send(new DeleteUserCommand({ UserName: "Erin" }));
    assert.equal(deleted.$metadata.httpStatusCode, 200);

    await assertServiceError(iam.send(new GetUserCommand({ UserName: "Erin" })), {
      name: "NoSuchEntityException", code: "NoSuchEntity", status: 404,
      message: "The user with name Erin cannot be found.",
    });
    assert.deepEqual((await iam.send(new ListUsersCommand({ PathPrefix: "/eng/" }))).Users, []);
  });
});
