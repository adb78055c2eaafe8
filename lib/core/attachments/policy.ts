/**
 * What a progress-report attachment may be, and how its name is made safe.
 *
 * Files are judged by extension AND by their first bytes, so an executable renamed to .pdf
 * is refused. The name a user gave is kept only for display and download (sanitised); the
 * file on disk gets a random name with the safe extension, so no user text reaches a path.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REPORT = 5;
/**
 * The largest request body a form may send: everything the report form promises (five files of
 * 10 MB) plus 1 MB for its fields and the multipart framing. next.config.js sets the server
 * actions' limit to this and the proxy's buffer 1 MB above it, so a body the action accepts is
 * never cut short by the proxy (a unit test holds the three together).
 */
export const MAX_REQUEST_BODY_BYTES = MAX_ATTACHMENTS_PER_REPORT * MAX_ATTACHMENT_BYTES + 1024 * 1024;
export const PROXY_BODY_BUFFER_BYTES = MAX_REQUEST_BODY_BYTES + 1024 * 1024;
export const REQUEST_TOO_LARGE_MESSAGE = `提交的内容超过 ${Math.floor(MAX_REQUEST_BODY_BYTES / 1024 / 1024)} MB，未提交；请减少附件后重试`;
/** Longest kept display name, in characters (extension included). */
export const MAX_FILE_NAME_LENGTH = 100;
/** Bytes `checkAttachment` needs to sniff a file's type. */
export const SNIFF_BYTES = 8192;

type Signature = 'pdf' | 'jpeg' | 'png' | 'zip' | 'ole' | 'text';

interface AllowedType {
  mime: string;
  signature: Signature;
}

// doc/xls are OLE compound files; docx/xlsx are zip packages.
const ALLOWED_TYPES = {
  pdf: { mime: 'application/pdf', signature: 'pdf' },
  jpg: { mime: 'image/jpeg', signature: 'jpeg' },
  jpeg: { mime: 'image/jpeg', signature: 'jpeg' },
  png: { mime: 'image/png', signature: 'png' },
  doc: { mime: 'application/msword', signature: 'ole' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signature: 'zip' },
  xls: { mime: 'application/vnd.ms-excel', signature: 'ole' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: 'zip' },
  txt: { mime: 'text/plain; charset=utf-8', signature: 'text' },
} as const satisfies Record<string, AllowedType>;

export type AttachmentExtension = keyof typeof ALLOWED_TYPES;
export const ATTACHMENT_EXTENSIONS = Object.keys(ALLOWED_TYPES) as AttachmentExtension[];

/** For <input accept>: the same list the server enforces. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',');

export const ATTACHMENT_RULES_TEXT = `支持 PDF、JPG、PNG、Word、Excel、TXT，单个不超过 10MB，每次最多 ${MAX_ATTACHMENTS_PER_REPORT} 个`;

const MAGIC: Record<Exclude<Signature, 'text'>, readonly number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  zip: [0x50, 0x4b, 0x03, 0x04], // PK\3\4
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Whether the first bytes of a file look like `signature`. Text must not contain NUL bytes. */
export function matchesSignature(signature: Signature, head: Uint8Array): boolean {
  if (signature === 'text') return !head.subarray(0, SNIFF_BYTES).includes(0);
  return startsWith(head, MAGIC[signature]);
}

export function isAttachmentExtension(value: string): value is AttachmentExtension {
  return Object.prototype.hasOwnProperty.call(ALLOWED_TYPES, value);
}

/** Lower-case extension after the last dot of the base name, '' when there is none. */
export function fileExtension(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The MIME type we serve an attachment with: from our table, never from the uploader. */
export function attachmentMime(extension: AttachmentExtension): string {
  return ALLOWED_TYPES[extension].mime;
}

function baseName(name: string): string {
  const parts = name.split(/[/\\]/);
  return parts[parts.length - 1] ?? '';
}

// C0/C1 controls, bidi overrides/isolates (they can disguise "gpj.exe" as "exe.jpg"), zero-width
// characters, and the characters Windows forbids in names.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const FALLBACK_NAME = '附件';

/**
 * A display name safe to show and to put in a download header: no directories, no control or
 * reserved characters, no leading dots (hidden files) or trailing dots and spaces, Chinese kept,
 * at most MAX_FILE_NAME_LENGTH characters with the extension preserved, and never empty.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = baseName(name.normalize('NFC'))
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .replace(/^\s+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  // Leading dots would make a hidden file; a name that is only ".pdf" keeps its extension.
  let stem = (dot >= 0 ? cleaned.slice(0, dot) : cleaned).replace(/^[\s.]+|[\s.]+$/g, '');
  let extension = dot >= 0 ? cleaned.slice(dot + 1) : '';
  // An over-long "extension" is just part of the name.
  if ([...extension].length > 10) {
    stem = cleaned.replace(/^[\s.]+/, '');
    extension = '';
  }
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  if (!stem) stem = FALLBACK_NAME;
  const suffix = extension ? `.${extension}` : '';
  // Count characters, not UTF-16 units, so a Chinese name is never cut inside a surrogate pair.
  const room = MAX_FILE_NAME_LENGTH - [...suffix].length;
  const kept = [...stem].slice(0, room).join('').replace(/[\s.]+$/, '') || FALLBACK_NAME;
  return `${kept}${suffix}`;
}

/** On-disk name: a random id and the checked extension, nothing the user typed. */
export function storedFileName(extension: AttachmentExtension, id: string = crypto.randomUUID()): string {
  return `${id}.${extension}`;
}

const STORED_NAME = new RegExp(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`);

/** Whether a name (e.g. from a download URL) has the stored-name shape, so it cannot point elsewhere. */
export function isStoredFileName(value: string): boolean {
  return STORED_NAME.test(value);
}

export interface AttachmentCandidate {
  name: string;
  size: number;
  /** The file's first bytes (at least SNIFF_BYTES when the file is that long). */
  head: Uint8Array;
}

export type AttachmentCheck =
  | { ok: true; name: string; extension: AttachmentExtension; mime: string }
  | { ok: false; message: string };

/** Accepts or refuses one file; the message names the file so a user can tell which one. */
export function checkAttachment(file: AttachmentCandidate): AttachmentCheck {
  const name = sanitizeFileName(file.name);
  const extension = fileExtension(name);
  if (!isAttachmentExtension(extension)) {
    return { ok: false, message: `“${name}”的文件类型不支持（${ATTACHMENT_RULES_TEXT}）` };
  }
  if (file.size <= 0) return { ok: false, message: `“${name}”是空文件` };
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: oversizeMessage(name) };
  if (!matchesSignature(ALLOWED_TYPES[extension].signature, file.head)) {
    return { ok: false, message: `“${name}”的内容与扩展名不符` };
  }
  return { ok: true, name, extension, mime: ALLOWED_TYPES[extension].mime };
}

function oversizeMessage(name: string): string {
  return `“${name}”超过 10MB`;
}

/**
 * What the browser can tell before uploading: the number of files and their sizes (the type
 * is sniffed by the server). Null when the selection may be sent.
 */
export function checkAttachmentSelection(files: readonly { name: string; size: number }[]): string | null {
  const count = checkAttachmentCount(files.length);
  if (!count.ok) return count.message;
  const oversize = files.find((file) => file.size > MAX_ATTACHMENT_BYTES);
  return oversize ? `${oversizeMessage(sanitizeFileName(oversize.name))}，未上传；已填写的内容仍保留` : null;
}

/** Bytes a FormData will take on the wire, near enough to refuse an oversized one before sending. */
export function formDataSize(entries: Iterable<[string, FormDataEntryValue]>): number {
  let size = 0;
  for (const [name, value] of entries) size += name.length + 200 + (typeof value === 'string' ? new TextEncoder().encode(value).length : value.size);
  return size;
}

export function checkAttachmentCount(count: number): { ok: true } | { ok: false; message: string } {
  return count > MAX_ATTACHMENTS_PER_REPORT
    ? { ok: false, message: `每次最多上传 ${MAX_ATTACHMENTS_PER_REPORT} 个附件` }
    : { ok: true };
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name per RFC 6266 /
 * RFC 5987, so Chinese names survive in every browser and quotes cannot break the header. The
 * fallback is the name with non-ASCII characters replaced, unless a readable one is given.
 */
export function contentDisposition(name: string, asciiName?: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const safe = sanitizeFileName(name);
  const ascii = (asciiName ?? safe).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** One attachment as recorded on a progress report (ProgressReport.attachments). */
export type StoredAttachment = {
  /** Sanitised display name. */
  name: string;
  storedName: string;
  size: number;
  type: string;
};

/** Reads the attachments column, skipping anything that is not a well-formed entry. */
export function parseStoredAttachments(value: unknown): StoredAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { name, storedName, size, type } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof storedName !== 'string' || !isStoredFileName(storedName)) return [];
    if (typeof size !== 'number' || typeof type !== 'string') return [];
    return [{ name, storedName, size, type }];
  });
}

/** 1.5 MB, 320 KB, 12 B */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** How the page previews an attachment: images inline, PDFs in a viewer, other types only as a download. */
export function attachmentPreviewKind(type: string): 'image' | 'pdf' | null {
  if (type === 'image/png' || type === 'image/jpeg') return 'image';
  if (type === 'application/pdf') return 'pdf';
  return null;
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF 文档',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/msword': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.ms-excel': 'Excel 表格',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'text/plain; charset=utf-8': '文本',
};

/** The attachment's type in words, as listed beside its size. */
export function attachmentTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? '文件';
}
