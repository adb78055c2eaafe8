import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_ACCEPT,
  MAX_ATTACHMENT_BYTES,
  MAX_FILE_NAME_LENGTH,
  attachmentMime,
  checkAttachment,
  checkAttachmentCount,
  contentDisposition,
  fileExtension,
  formatFileSize,
  isStoredFileName,
  parseStoredAttachments,
  sanitizeFileName,
  storedFileName,
} from '@/lib/core/attachments/policy';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

const PDF = ascii('%PDF-1.7\n%âãÏÓ\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00); // MZ header

const file = (name: string, head: Uint8Array, size = head.length) => ({ name, head, size });

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\张三\\桌面\\验收报告.pdf', '验收报告.pdf'],
    ['a<>:"|?*.pdf', 'a.pdf'],
    ['第一季度\u0000进度\u001f报告.docx', '第一季度进度报告.docx'],
    ['  .hidden.pdf  ', 'hidden.pdf'],
    ['报告.pdf...', '报告.pdf'],
    ['名称   多个   空格.xlsx', '名称 多个 空格.xlsx'],
    ['CON.txt', '_CON.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['', '附件'],
    ['   ', '附件'],
    ['...', '附件'],
    ['/', '附件'],
    ['.pdf', '附件.pdf'],
    ['.bashrc', '附件.bashrc'],
    ['<>.pdf', '附件.pdf'],
    ['项目进展情况.PDF', '项目进展情况.PDF'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('limits very long names and keeps the extension', () => {
    const long = `${'重点项目建设进展情况'.repeat(40)}.pdf`;
    const safe = sanitizeFileName(long);
    expect([...safe]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe.startsWith('重点项目建设进展情况')).toBe(true);
  });

  it('never splits a character outside the basic plane', () => {
    const safe = sanitizeFileName(`${'𠮷'.repeat(200)}.txt`);
    expect([...safe]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe).toBe(`${'𠮷'.repeat(96)}.txt`);
  });

  it('treats an absurd extension as part of the name', () => {
    expect(sanitizeFileName('报告.这不是一个扩展名而是很长的一段文字')).toBe('报告.这不是一个扩展名而是很长的一段文字');
    expect(fileExtension('报告.这不是一个扩展名而是很长的一段文字')).toBe('这不是一个扩展名而是很长的一段文字');
  });
});

describe('fileExtension', () => {
  it('is the lower-case part after the last dot of the base name', () => {
    expect(fileExtension('a.b.PDF')).toBe('pdf');
    expect(fileExtension('dir.pdf/readme')).toBe('');
    expect(fileExtension('.bashrc')).toBe('');
    expect(fileExtension('noext')).toBe('');
  });
});

describe('checkAttachment', () => {
  it.each([
    ['验收报告.pdf', PDF, 'application/pdf'],
    ['现场照片.JPG', JPEG, 'image/jpeg'],
    ['现场照片.jpeg', JPEG, 'image/jpeg'],
    ['截图.png', PNG, 'image/png'],
    ['台账.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['汇报.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['旧台账.xls', OLE, 'application/vnd.ms-excel'],
    ['旧汇报.doc', OLE, 'application/msword'],
    ['说明.txt', ascii('已完成验收。'), 'text/plain; charset=utf-8'],
  ])('accepts %s', (name, head, mime) => {
    expect(checkAttachment(file(name, head))).toEqual({ ok: true, name, extension: fileExtension(name), mime });
  });

  it('refuses an .exe renamed to .pdf (wrong bytes)', () => {
    expect(checkAttachment(file('验收报告.pdf', EXE))).toEqual({ ok: false, message: '“验收报告.pdf”的内容与扩展名不符' });
  });

  it('refuses a PNG posing as a JPG, and binary posing as text', () => {
    expect(checkAttachment(file('照片.jpg', PNG)).ok).toBe(false);
    expect(checkAttachment(file('说明.txt', EXE)).ok).toBe(false);
    expect(checkAttachment(file('表格.xlsx', PDF)).ok).toBe(false);
  });

  it('refuses types outside the list, whatever the bytes', () => {
    for (const name of ['setup.exe', 'run.sh', 'page.html', 'image.svg', 'archive.zip', 'passwd', '../../etc/passwd']) {
      const result = checkAttachment(file(name, PDF));
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message).toContain('文件类型不支持');
    }
  });

  it('refuses empty and oversize files', () => {
    expect(checkAttachment(file('空.pdf', new Uint8Array(), 0))).toEqual({ ok: false, message: '“空.pdf”是空文件' });
    expect(checkAttachment(file('大.pdf', PDF, MAX_ATTACHMENT_BYTES + 1))).toEqual({ ok: false, message: '“大.pdf”超过 10MB' });
    expect(checkAttachment(file('刚好.pdf', PDF, MAX_ATTACHMENT_BYTES)).ok).toBe(true);
  });

  it('reports the sanitised name, never the hostile one', () => {
    const result = checkAttachment(file('../../a<b>.pdf', PDF));
    expect(result).toEqual({ ok: true, name: 'ab.pdf', extension: 'pdf', mime: 'application/pdf' });
  });
});

describe('checkAttachmentCount', () => {
  it('allows up to 5 files per report', () => {
    expect(checkAttachmentCount(0)).toEqual({ ok: true });
    expect(checkAttachmentCount(5)).toEqual({ ok: true });
    expect(checkAttachmentCount(6)).toEqual({ ok: false, message: '每次最多上传 5 个附件' });
  });
});

describe('stored names', () => {
  it('are a random id plus the checked extension', () => {
    expect(storedFileName('pdf', '123e4567-e89b-42d3-a456-426614174000')).toBe('123e4567-e89b-42d3-a456-426614174000.pdf');
    const a = storedFileName('png');
    const b = storedFileName('png');
    expect(a).not.toBe(b);
    expect(isStoredFileName(a)).toBe(true);
  });

  it('recognise only that shape', () => {
    expect(isStoredFileName('123e4567-e89b-42d3-a456-426614174000.xlsx')).toBe(true);
    expect(isStoredFileName('123e4567-e89b-42d3-a456-426614174000.exe')).toBe(false);
    expect(isStoredFileName('../123e4567-e89b-42d3-a456-426614174000.pdf')).toBe(false);
    expect(isStoredFileName('123e4567-e89b-42d3-a456-426614174000.pdf/../../x')).toBe(false);
    expect(isStoredFileName('验收报告.pdf')).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('carries the UTF-8 name (RFC 5987) and an ASCII fallback', () => {
    expect(contentDisposition('验收报告.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A.pdf`,
    );
  });

  it('cannot be broken out of by quotes or new lines', () => {
    const header = contentDisposition('a"; filename="evil.exe\r\nX-Injected: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain("filename*=UTF-8''a%3B%20filename%3Devil.exeX-Injected%201.pdf");
  });

  it('escapes the characters RFC 5987 does not allow raw', () => {
    expect(contentDisposition("it's (final)*.txt")).toContain("filename*=UTF-8''it%27s%20%28final%29.txt");
  });

  it('uses a readable ASCII fallback when one is given', () => {
    expect(contentDisposition('任务台账-20240630.xlsx', 'task-ledger-20240630.xlsx')).toBe(
      `attachment; filename="task-ledger-20240630.xlsx"; filename*=UTF-8''${encodeURIComponent('任务台账-20240630.xlsx')}`,
    );
  });
});

describe('types', () => {
  it('serve with our MIME type and offer the same list to the browser', () => {
    expect(attachmentMime('png')).toBe('image/png');
    expect(ATTACHMENT_ACCEPT).toBe('.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.txt');
  });
});

describe('parseStoredAttachments', () => {
  const good = { name: '验收报告.pdf', storedName: '123e4567-e89b-42d3-a456-426614174000.pdf', size: 12, type: 'application/pdf' };

  it('keeps well-formed entries and drops the rest', () => {
    expect(parseStoredAttachments([good, { ...good, storedName: '../../etc/passwd' }, null, 'x', { name: 1 }])).toEqual([good]);
    expect(parseStoredAttachments(null)).toEqual([]);
    expect(parseStoredAttachments({})).toEqual([]);
  });

  it('formats sizes', () => {
    expect(formatFileSize(12)).toBe('12 B');
    expect(formatFileSize(320 * 1024)).toBe('320 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
