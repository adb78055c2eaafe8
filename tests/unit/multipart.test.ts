import { describe, expect, test } from 'vitest';
import { hasMalformedPartHeaders, multipartBoundary } from '@/lib/core/security/multipart';

const BOUNDARY = '----WebKitFormBoundaryAbC123';
const body = (...parts: string[]) =>
  new TextEncoder().encode(`${parts.map((part) => `--${BOUNDARY}\r\n${part}\r\n`).join('')}--${BOUNDARY}--\r\n`);
const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
const file = (filename: string, content = '%PDF-1.4\r\n\r\n--not-a-boundary\r\n') =>
  `Content-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n${content}`;

describe('multipart part headers', () => {
  test('the boundary is read from the content type, and only for multipart/form-data', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });

  test('what a browser sends is well formed, escaped CR/LF in a name and blank lines in a file included', () => {
    expect(hasMalformedPartHeaders(body(field('narrative', '第一行\r\n\r\n第二行'), file('现场%0D%0A照片.pdf')), BOUNDARY)).toBe(false);
  });

  test('a raw CR/LF, a bare LF or CR inside a file name is malformed', () => {
    expect(hasMalformedPartHeaders(body(field('narrative', '说明'), file('现场\r\n照片.pdf')), BOUNDARY)).toBe(true);
    expect(hasMalformedPartHeaders(body(file('现场\n照片.pdf')), BOUNDARY)).toBe(true);
    expect(hasMalformedPartHeaders(body(file('现场\r照片.pdf')), BOUNDARY)).toBe(true);
  });

  test('a header block that never ends is malformed', () => {
    expect(hasMalformedPartHeaders(new TextEncoder().encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"`), BOUNDARY)).toBe(true);
  });
});
