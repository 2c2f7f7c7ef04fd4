/** Test workspaces: signed up through the client itself. */
import { randomBytes } from "node:crypto";

import { StockyardClient, type Schemas } from "../../src/index.js";

export interface Tenant {
  slug: string;
  email: string;
  password: string;
  created: Schemas["WorkspaceCreated"];
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/** Sign up a new workspace (no sign-in: the tests' login budget is theirs to spend). */
export async function signUp(url: string): Promise<Tenant> {
  const slug = unique("ts");
  const email = `owner@${slug}.test`;
  const password = "correct horse battery staple";
  const client = new StockyardClient({ baseUrl: url });
  const created = await client.workspace.create({ name: `Workspace ${slug}`, slug, owner: { email, name: "Owner", password } });
  return { slug, email, password, created };
}

/** A client signed in as the tenant's owner (it signs in with the credentials on its first call). */
export function ownerClient(url: string, tenant: Tenant, options: Partial<ConstructorParameters<typeof StockyardClient>[0]> = {}): StockyardClient {
  return new StockyardClient({ baseUrl: url, workspace: tenant.slug, email: tenant.email, password: tenant.password, ...options });
}

export function sku(): string {
  return unique("SKU").toUpperCase();
}

/** A sleep that records each delay (ms) and waits `scale` of it for real. */
export function recordingSleep(scale = 0): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
      await new Promise((resolve) => setTimeout(resolve, ms * scale));
    },
  };
}
