import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

// Which API token the current request came through. Set once around an API call so every audit
// event the data layer records in it names the token, without each write passing it along.
const currentVia = new AsyncLocalStorage<string>();

export function withAuditVia<T>(via: string, run: () => Promise<T>): Promise<T> {
  return currentVia.run(via, run);
}

export function auditVia(): string | null {
  return currentVia.getStore() ?? null;
}
