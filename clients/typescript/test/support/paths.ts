/** Where things are, from the compiled tests (dist/test/...) or the sources alike. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageDir(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@stockyard/client") {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("the @stockyard/client package directory was not found");
    dir = parent;
  }
}

/** clients/typescript */
export const PACKAGE_DIR = findPackageDir(dirname(fileURLToPath(import.meta.url)));
/** The repository's root. */
export const REPO_DIR = resolve(PACKAGE_DIR, "../..");
/** The stockyard executable: STOCKYARD_BIN, else the repository's virtualenv. */
export const STOCKYARD_BIN = process.env["STOCKYARD_BIN"] ?? join(REPO_DIR, ".venv/bin/stockyard");

export function stockyardFound(): boolean {
  return existsSync(STOCKYARD_BIN);
}

/** Fails with a clear message when the stockyard executable is missing. */
export function requireStockyard(): string {
  if (!stockyardFound()) {
    throw new Error(
      `the stockyard executable was not found at ${STOCKYARD_BIN}: create the repository's virtualenv ` +
        "(python -m venv .venv && .venv/bin/pip install -e .) or set STOCKYARD_BIN",
    );
  }
  return STOCKYARD_BIN;
}
