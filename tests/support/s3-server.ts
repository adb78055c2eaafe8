// A local S3-compatible server (s3rver) on loopback for tests of the S3 attachment store.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's built-in account: it checks request signatures against this key pair. */
const S3RVER_KEY = 'S3RVER';

export type TestS3Server = { env: Record<string, string>; close: () => Promise<void> };

/**
 * Starts s3rver on 127.0.0.1 with an empty bucket; `env` configures luoshi to use it. Port 0 (the
 * default) takes a free one, so test runs side by side never collide.
 */
export async function startS3Server({ port = 0, bucket = 'luoshi-test' }: { port?: number; bucket?: string } = {}): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'luoshi-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  return {
    env: {
      LUOSHI_ATTACHMENT_STORE: 's3',
      LUOSHI_S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
      LUOSHI_S3_REGION: 'us-east-1',
      LUOSHI_S3_BUCKET: bucket,
      LUOSHI_S3_ACCESS_KEY_ID: S3RVER_KEY,
      LUOSHI_S3_SECRET_ACCESS_KEY: S3RVER_KEY,
      LUOSHI_S3_FORCE_PATH_STYLE: 'true',
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
