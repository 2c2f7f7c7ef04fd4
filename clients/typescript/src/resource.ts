/** The base of every resource group (`client.items`, ...): the transport it sends through. */
import type { Transport } from "./core.js";

export abstract class Resource {
  constructor(protected readonly t: Transport) {}
}
