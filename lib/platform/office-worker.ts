// Worker entry: parses one bounds-checked .docx/.xlsx (see office-reader.ts) and posts its text back.
import { parentPort, workerData } from 'node:worker_threads';
import { readOfficeText, type OfficeFormat } from '@/lib/core/plan/input';

const { bytes, format } = workerData as { bytes: Uint8Array; format: OfficeFormat };
readOfficeText(bytes, format).then(
  (text) => parentPort?.postMessage({ ok: true, text }),
  () => parentPort?.postMessage({ ok: false }),
);
