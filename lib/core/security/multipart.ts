// A multipart body whose part headers are broken (a raw CR or LF inside a quoted file name, as a
// hand-made client can send; browsers escape them as %0D/%0A) makes Next's server-action parser
// throw before any of our code runs: an unhandled 500 that loses what the user typed. The proxy
// answers such a body itself. Only the header blocks are read, never the file contents.

/** Answered instead of the 500. */
export const MALFORMED_UPLOAD_MESSAGE = '上传内容格式无效（文件名中不能含有换行等控制字符），请重命名文件后重试';

const HEADER_LINE = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+:[^\r\n]*$/;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first!, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    let match = true;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        match = false;
        break;
      }
    }
    if (match) return i;
  }
  return -1;
}

/** The boundary of a multipart/form-data content type, or null for any other body. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]!) : null;
}

/** Whether some part's header block is not a list of `Name: value` lines (each ending in CRLF). */
export function hasMalformedPartHeaders(body: Uint8Array, boundary: string): boolean {
  const encoder = new TextEncoder();
  const delimiter = encoder.encode(`--${boundary}`);
  const blankLine = encoder.encode('\r\n\r\n');
  const decoder = new TextDecoder('latin1');
  let from = 0;
  for (;;) {
    const at = indexOf(body, delimiter, from);
    if (at === -1) return false;
    const start = at + delimiter.length;
    from = start;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return false; // the closing delimiter
    if (body[start] !== 0x0d || body[start + 1] !== 0x0a) continue; // the boundary text inside content
    const end = indexOf(body, blankLine, start + 2);
    if (end === -1) return true;
    const lines = decoder.decode(body.subarray(start + 2, end)).split('\r\n');
    if (!lines.every((line) => HEADER_LINE.test(line))) return true;
    from = end + blankLine.length;
  }
}
