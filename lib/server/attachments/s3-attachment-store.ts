import 'server-only';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { ServerEnv } from '@/lib/platform/env';
import type { AttachmentStore } from '@/lib/server/attachments/attachment-store';

export function createS3Client(env: ServerEnv): S3Client {
  return new S3Client({
    endpoint: env.LUOSHI_S3_ENDPOINT,
    region: env.LUOSHI_S3_REGION,
    forcePathStyle: env.LUOSHI_S3_FORCE_PATH_STYLE,
    credentials: { accessKeyId: env.LUOSHI_S3_ACCESS_KEY_ID!, secretAccessKey: env.LUOSHI_S3_SECRET_ACCESS_KEY! },
    // Checksums only when the operation needs them: MinIO, OSS and COS do not all know the newer
    // default CRC32 trailers (and s3rver rejects them).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404));

/**
 * Attachments in an S3-compatible bucket (MinIO, 阿里云 OSS, 腾讯云 COS, AWS). An object store has
 * no rename, so a file is uploaded under its final key when staged, commit has nothing to do,
 * and discard deletes it. Until the row that lists it commits, no download can reach it: downloads
 * go through the report's attachment list.
 */
export function createS3AttachmentStore(env: ServerEnv): AttachmentStore & { reachable: () => Promise<boolean> } {
  const client = createS3Client(env);
  const Bucket = env.LUOSHI_S3_BUCKET!;
  return {
    async stage(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength }));
    },
    async commit() {},
    async discard(keys) {
      // One DeleteObject each (a report has at most a few files): the batch call needs a checksum
      // header that not every S3-compatible store accepts in the SDK's current form.
      await Promise.all(keys.map((key) => client.send(new DeleteObjectCommand({ Bucket, Key: key }))));
    },
    async read(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        const body = object.Body;
        return { size: object.ContentLength ?? 0, stream: () => body.transformToWebStream() as ReadableStream<Uint8Array> };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async reachable() {
      return client.send(new HeadBucketCommand({ Bucket })).then(
        () => true,
        () => false,
      );
    },
  };
}
