/**
 * The resource groups of the client (`client.items`, `client.warehouses`, ...): the methods written
 * by hand. Every other method is generated from the OpenAPI document into src/resources.gen.ts
 * (`npm run generate`), one per operation (see operations.ts), typed with the generated types,
 * plus `iterate...` methods that walk every page of a list.
 *
 * A class exported here is the one the client uses for its resource: the generator leaves out the
 * methods it declares, and generates the others into `<Class>Base`, which it must then extend
 * (`class Jobs extends JobsBase`).
 *
 * Arguments come in a fixed order: path parameters, then the JSON body, then the query
 * parameters, then per-call options.
 */
import { Resource } from "./resource.js";
import { JobsBase } from "./resources.gen.js";
import type { QueryParams, RequestBody, RequestOptions, ResponseBody, Schemas } from "./types.js";

const FINISHED_JOB_STATUSES: ReadonlySet<string> = new Set(["succeeded", "partially_failed", "failed"]);

/** A bulk job did not finish within the time the caller was willing to wait. */
export class JobTimeoutError extends Error {
  constructor(readonly job: Schemas["Job"]) {
    super(`job ${job.id} is still ${job.status}`);
    this.name = "JobTimeoutError";
  }
}

export class Jobs extends JobsBase {
  /** Poll a bulk job until it is succeeded, partially_failed or failed; throws `JobTimeoutError` after `maxWait` ms. */
  async wait(
    jobId: string,
    { pollInterval = 500, maxWait = 300_000, ...options }: RequestOptions & { pollInterval?: number; maxWait?: number } = {},
  ): Promise<Schemas["Job"]> {
    let waited = 0;
    for (;;) {
      const job = await this.get(jobId, options);
      if (FINISHED_JOB_STATUSES.has(job.status)) return job;
      if (waited >= maxWait) throw new JobTimeoutError(job);
      await new Promise((resolve) => setTimeout(resolve, pollInterval));
      waited += pollInterval;
    }
  }
}

export type ReportName = "stock-on-hand" | "low-stock" | "movements" | "valuation" | (string & {});

export class Reports extends Resource {
  /** A report as JSON (`format` is `json`). */
  async get(
    name: ReportName,
    query?: Omit<QueryParams<"getReport">, "format">,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    const report: unknown = await this.t.call("getReport", { path: { name }, query: { ...query, format: "json" } }, options);
    return report as Record<string, unknown>;
  }
  /** A report as a file: CSV or XLSX bytes. */
  download(
    name: ReportName,
    query: Omit<QueryParams<"getReport">, "format"> & { format: "csv" | "xlsx" },
    options?: RequestOptions,
  ): Promise<Uint8Array> {
    return this.t.download("getReport", { path: { name }, query }, options);
  }
}

export class Auth extends Resource {
  /** Exchange a member's credentials for a token pair, which the client then uses. */
  signIn(body: RequestBody<"signIn">, options?: RequestOptions): Promise<ResponseBody<"signIn">> {
    return this.t.signIn(body.workspace, body.email, body.password, options);
  }
  /** Rotate the refresh token into a new pair (done automatically on `token_expired`). */
  refresh(options?: RequestOptions): Promise<ResponseBody<"refreshToken">> {
    return this.t.refresh(options);
  }
  /** Revoke the current token family, and forget the tokens. */
  async signOut(options?: RequestOptions): Promise<void> {
    await this.t.call("signOut", {}, options);
    this.t.forgetTokens();
  }
}
