import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PlanInputError, type OfficeFormat } from '@/lib/core/plan/input';

/**
 * mammoth and exceljs hold a whole document in memory, several times its size; one hostile file
 * once took the server (and its embedded PostgreSQL) down. They run in a worker thread whose heap
 * is capped and whose time is bounded: running out of either ends the worker, not the server.
 */
export const OFFICE_WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32, timeoutMs: 30_000 };

// The worker loads its TypeScript source through tsx's API (`npm run serve` runs under tsx already):
// Turbopack (Next 16.4) emits `new Worker(new URL('./x.ts', import.meta.url))` as a static asset
// instead of compiling it, and Node 20's --import hooks do not reach a worker's entry.
const WORKER_ENTRY = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'office-worker.ts')).href;
const WORKER_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_ENTRY)}, ${JSON.stringify(WORKER_ENTRY)}));`;

/** Text of a .docx/.xlsx, parsed in a capped worker. Throws PlanInputError('too-complex') past the limits. */
export function readOfficeInWorker(bytes: Uint8Array, format: OfficeFormat, limits = OFFICE_WORKER_LIMITS): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      workerData: { bytes, format },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb },
      stdout: true,
      stderr: true,
    });
    let done = false;
    const settle = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new PlanInputError('too-complex'))), limits.timeoutMs);
    worker.once('message', (message: { ok: boolean; text?: string }) =>
      settle(() => (message.ok && typeof message.text === 'string' ? resolve(message.text) : reject(new Error('unreadable office file')))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new PlanInputError('too-complex') : error)),
    );
    worker.once('exit', () => settle(() => reject(new PlanInputError('too-complex'))));
  });
}
