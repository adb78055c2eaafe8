import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { databaseKind, sessionUser } from '../support/db';
import { startS3Server, type TestS3Server } from '../support/s3-server';
import { PDF_BYTES, TODAY, pdf, taskVersion, uploadDirOf, workflowTask } from '../support/workflow';
import { existsSync } from 'node:fs';

let s3: TestS3Server;
// The data layer reads the environment once (serverEnv caches it), and the integration files share
// one module registry: this file sets the S3 environment, then loads the data layer afresh, and
// leaves both as it found them for the files after it.
let layer: {
  serverEnv: typeof import('@/lib/platform/env').serverEnv;
  fileProgressReport: typeof import('@/lib/server/reports/file-progress-report').fileProgressReport;
  getAttachment: typeof import('@/lib/server/attachments/get-attachment').getAttachment;
  store: typeof import('@/lib/server/attachments/attachment-store');
  createS3Client: typeof import('@/lib/server/attachments/s3-attachment-store').createS3Client;
  checkHealth: typeof import('@/lib/server/health/check-health').checkHealth;
};

beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, s3.env);
  vi.resetModules();
  layer = {
    serverEnv: (await import('@/lib/platform/env')).serverEnv,
    fileProgressReport: (await import('@/lib/server/reports/file-progress-report')).fileProgressReport,
    getAttachment: (await import('@/lib/server/attachments/get-attachment')).getAttachment,
    store: await import('@/lib/server/attachments/attachment-store'),
    createS3Client: (await import('@/lib/server/attachments/s3-attachment-store')).createS3Client,
    checkHealth: (await import('@/lib/server/health/check-health')).checkHealth,
  };
});
afterAll(async () => {
  for (const key of Object.keys(s3?.env ?? {})) delete process.env[key];
  vi.resetModules();
  await s3?.close();
});

async function keysUnder(taskId: string) {
  const listed = await layer.createS3Client(layer.serverEnv()).send(new ListObjectsV2Command({ Bucket: s3.env.LUOSHI_S3_BUCKET, Prefix: `${taskId}/` }));
  return (listed.Contents ?? []).map((object) => object.Key!.slice(taskId.length + 1)).sort();
}

describe(`attachments in an S3-compatible store (s3rver; ${databaseKind} PostgreSQL)`, () => {
  test('a report’s attachment goes to the bucket, not the upload directory, and reads back in scope only', async () => {
    const task = await workflowTask('对象存储附件');
    const report = await layer.fileProgressReport({
      user: await sessionUser('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '附件在对象存储', percent: 10 },
      files: [pdf('验收报告.pdf')],
      today: TODAY,
    });
    const storedName = (report.attachments as { storedName: string }[])[0]!.storedName;
    expect(await keysUnder(task.id)).toEqual([storedName]);
    expect(existsSync(uploadDirOf(task.id))).toBe(false);

    const file = await layer.getAttachment({ user: await sessionUser('leader'), reportId: report.id, storedName });
    expect(file).toMatchObject({ name: '验收报告.pdf', type: 'application/pdf', size: PDF_BYTES.length });
    expect(new Uint8Array(await new Response(file.stream()).arrayBuffer())).toEqual(PDF_BYTES);
    await expect(layer.getAttachment({ user: await sessionUser('jyj_staff'), reportId: report.id, storedName })).rejects.toThrow('未找到该记录');
  });

  test('a failed report leaves no object behind; a discarded stage is deleted, a committed one kept', async () => {
    const task = await workflowTask('对象存储回滚');
    const stale = layer.fileProgressReport({
      user: await sessionUser('fgj_staff'),
      input: { taskId: task.id, version: (await taskVersion(task.id)) + 5, narrative: '过期版本', percent: 10 },
      files: [pdf()],
      today: TODAY,
    });
    await expect(stale).rejects.toThrow();
    expect(await keysUnder(task.id)).toEqual([]);

    const kept = await layer.store.stageFile(task.id, '11111111-1111-4111-8111-111111111111.pdf', PDF_BYTES);
    const dropped = await layer.store.stageFile(task.id, '22222222-2222-4222-8222-222222222222.pdf', PDF_BYTES);
    await layer.store.commitStaged([kept]);
    await layer.store.discardStaged([dropped]);
    expect(await keysUnder(task.id)).toEqual(['11111111-1111-4111-8111-111111111111.pdf']);
    await expect(layer.store.stageFile(task.id, '../escape.pdf', PDF_BYTES)).rejects.toThrow('invalid attachment path');
  });

  test('health reports the bucket reachable', async () => {
    expect((await layer.checkHealth()).uploads).toEqual({ store: 's3', ok: true });
  });
});
