/**
 * A real Stockyard server for the tests: `stockyard migrate` then `stockyard serve` on a free
 * 127.0.0.1 port, with a temporary SQLite database, stopped (and its files removed) by `stop()`.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

import { requireStockyard } from "./paths.js";

export interface LiveServer {
  url: string;
  secretKey: string;
  dir: string;
  log(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface ServerOptions {
  /** Extra STOCKYARD_* settings. */
  env?: Record<string, string>;
  /** A plans file (TOML) to serve with (STOCKYARD_PLANS_FILE). */
  plans?: string;
}

async function exited(process: ChildProcess, ms: number): Promise<boolean> {
  if (process.exitCode !== null || process.signalCode !== null) return true;
  return Promise.race([
    new Promise<boolean>((resolve) => process.once("exit", () => resolve(true))),
    delay(ms, false, { ref: false }),
  ]);
}

export async function startServer(options: ServerOptions = {}): Promise<LiveServer> {
  const bin = requireStockyard();
  const dir = mkdtempSync(join(tmpdir(), "stockyard-ts-"));
  const secretKey = randomBytes(32).toString("hex");
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: process.env["HOME"] ?? dir,
    STOCKYARD_DATA_DIR: dir,
    STOCKYARD_DATABASE_URL: `sqlite:///${join(dir, "stockyard.db")}`,
    STOCKYARD_SECRET_KEY: secretKey,
    STOCKYARD_LOG_LEVEL: "WARNING",
    STOCKYARD_RATE_LIMIT_ENABLED: "false",
    ...options.env,
  };
  if (options.plans !== undefined) {
    const plansPath = join(dir, "plans.toml");
    writeFileSync(plansPath, options.plans);
    env["STOCKYARD_PLANS_FILE"] = plansPath;
  }
  execFileSync(bin, ["migrate"], { env, cwd: dir, stdio: "pipe" });
  const port = await freePort();
  const logPath = join(dir, "server.log");
  const logFd = openSync(logPath, "a");
  const child = spawn(bin, ["serve", "--host", "127.0.0.1", "--port", String(port)], {
    env,
    cwd: dir,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  const log = (): string => {
    try {
      return readFileSync(logPath, "utf8").slice(-4000);
    } catch {
      return "";
    }
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await exited(child, 10_000))) {
        child.kill("SIGKILL");
        await exited(child, 5_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = log();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${text}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`the server did not answer within 30 s:\n${text}`);
    }
    await delay(100);
  }
  return { url, secretKey, dir, log, stop };
}
