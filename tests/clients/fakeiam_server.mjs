// Starts and stops fakeiam-server processes for the JavaScript real-client suites (node:test).
// The binary comes from the FAKEIAM_SERVER environment variable (CTest sets it).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { after, before } from "node:test";

// Servers still running when this process exits (a failed or cancelled run): killed, not orphaned.
const liveServers = new Set();
process.on("exit", () => {
  for (const child of liveServers) child.kill("SIGKILL");
});

// Starts fakeiam-server on an ephemeral port with `args`; resolves once it prints its endpoint.
export async function startFakeiamServer(args) {
  const binary = process.env.FAKEIAM_SERVER;
  if (!binary) throw new Error("set FAKEIAM_SERVER to the fakeiam-server binary");
  const child = spawn(binary, ["--port", "0", "--quiet", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  liveServers.add(child);
  child.on("exit", () => liveServers.delete(child));
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = once(child, "exit");
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, "line").then(([line]) => line),
    exited.then(([code, signal]) => {
      throw new Error(`fakeiam-server exited (${code ?? signal}) before listening: ${stderr}`);
    }),
  ]);
  const match = /^fakeiam listening on (http:\/\/\S+)$/.exec(first);
  if (!match) {
    child.kill("SIGKILL");
    throw new Error(`unexpected first line from fakeiam-server: ${JSON.stringify(first)} ${stderr}`);
  }
  return {
    endpoint: match[1],
    // SIGTERM (with whatever keep-alive connections clients still hold), then the exit code.
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return child.exitCode ?? child.signalCode;
      }
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const [code, signal] = await exited;
      clearTimeout(timer);
      return code ?? signal;
    },
    stderr: () => stderr,
  };
}

// One describe block's server, made by `start()`: started before its tests, stopped after them
// with exit status 0 asserted. Returns a holder whose `server` is set once started.
export function useFakeiamServer(start) {
  const holder = {};
  before(async () => {
    holder.server = await start();
  });
  after(async () => {
    const code = await holder.server.stop();
    assert.equal(code, 0, `fakeiam-server exit status; stderr: ${holder.server.stderr()}`);
  });
  return holder;
}
