/**
 * A .docx/.xlsx is a zip package; its parsers (mammoth, exceljs) inflate whole parts into memory.
 * An 814 KB package whose document.xml inflates to 200 MB once took the server down, so every
 * package is inflated here first, counting bytes as they stream out (the sizes in the zip's own
 * headers are not trusted), and refused before any parser sees it.
 */
import yauzl from 'yauzl';

export const ZIP_LIMITS = {
  /** Entries in one package; a long Word plan has a few dozen, a workbook a few hundred at most. */
  maxEntries: 2_000,
  /** All entries inflated, images included. */
  maxTotalBytes: 64 * 1024 * 1024,
  /** The XML parts the parsers load as documents (a 300-page plan's document.xml is ~10 MB). */
  maxXmlBytes: 32 * 1024 * 1024,
} as const;

export type ZipLimits = { maxEntries: number; maxTotalBytes: number; maxXmlBytes: number };

export type ZipBoundsResult = { ok: true; entries: number; totalBytes: number } | { ok: false; reason: 'not-zip' | 'too-many-entries' | 'too-large' };

/** Inflates every entry of the package (discarding the bytes) and checks the limits as it goes. */
export function checkZipBounds(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipBoundsResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ZipBoundsResult, zip?: yauzl.ZipFile) => {
      if (settled) return;
      settled = true;
      zip?.close();
      resolve(result);
    };
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return finish({ ok: false, reason: 'not-zip' });
      if (zip.entryCount > limits.maxEntries) return finish({ ok: false, reason: 'too-many-entries' }, zip);
      let entries = 0;
      let totalBytes = 0;
      let xmlBytes = 0;
      zip.on('error', () => finish({ ok: false, reason: 'not-zip' }, zip));
      zip.on('end', () => finish({ ok: true, entries, totalBytes }, zip));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        if (entries > limits.maxEntries) return finish({ ok: false, reason: 'too-many-entries' }, zip);
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        const isXml = /\.(xml|rels)$/i.test(entry.fileName);
        // The declared size is only a quick first refusal; the stream below counts what really comes out.
        if (totalBytes + entry.uncompressedSize > limits.maxTotalBytes || (isXml && xmlBytes + entry.uncompressedSize > limits.maxXmlBytes)) {
          return finish({ ok: false, reason: 'too-large' }, zip);
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return finish({ ok: false, reason: 'not-zip' }, zip);
          stream.on('data', (chunk: Buffer) => {
            totalBytes += chunk.length;
            if (isXml) xmlBytes += chunk.length;
            if (totalBytes > limits.maxTotalBytes || xmlBytes > limits.maxXmlBytes) {
              stream.destroy();
              finish({ ok: false, reason: 'too-large' }, zip);
            }
          });
          stream.on('error', () => finish({ ok: false, reason: 'not-zip' }, zip));
          stream.on('end', () => {
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
