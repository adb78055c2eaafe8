// One body-size policy from the proxy to the action to the form, and the security headers.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- next.config.js is plain JavaScript and the project does not allow JS imports.
import nextConfig from '@/next.config.js';
import {
  checkAttachmentSelection,
  formDataSize,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_REPORT,
  MAX_REQUEST_BODY_BYTES,
  PROXY_BODY_BUFFER_BYTES,
} from '@/lib/core/attachments/policy';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@/lib/core/security/headers';

describe('body-size policy', () => {
  it('next.config.js sets the action limit and the proxy buffer the policy names', () => {
    expect(nextConfig.experimental.serverActions.bodySizeLimit).toBe(MAX_REQUEST_BODY_BYTES);
    expect(nextConfig.experimental.proxyClientMaxBodySize).toBe(PROXY_BODY_BUFFER_BYTES);
    // Everything the report form promises fits in one request, with room for the fields.
    expect(MAX_REQUEST_BODY_BYTES).toBeGreaterThan(MAX_ATTACHMENTS_PER_REPORT * MAX_ATTACHMENT_BYTES);
    expect(PROXY_BODY_BUFFER_BYTES).toBeGreaterThan(MAX_REQUEST_BODY_BYTES);
  });

  it('the browser may send a 10 MB file and refuses 10 MB + 1 byte, in Chinese', () => {
    expect(checkAttachmentSelection([{ name: '验收报告.pdf', size: MAX_ATTACHMENT_BYTES }])).toBeNull();
    expect(checkAttachmentSelection([{ name: '验收报告.pdf', size: MAX_ATTACHMENT_BYTES + 1 }])).toBe('“验收报告.pdf”超过 10MB，未上传；已填写的内容仍保留');
    const six = Array.from({ length: MAX_ATTACHMENTS_PER_REPORT + 1 }, (_, i) => ({ name: `${i}.pdf`, size: 1 }));
    expect(checkAttachmentSelection(six)).toBe(`每次最多上传 ${MAX_ATTACHMENTS_PER_REPORT} 个附件`);
    // A CR/LF in a chosen file's name does not reach the message.
    expect(checkAttachmentSelection([{ name: 'a\r\nb.pdf', size: MAX_ATTACHMENT_BYTES + 1 }])).toMatch(/^“ab\.pdf”超过/);
  });

  it('estimates a form’s size from its files and UTF-8 text', () => {
    const form = new FormData();
    form.append('narrative', '进展'.repeat(1000));
    form.append('files', new File([new Uint8Array(MAX_ATTACHMENT_BYTES)], 'a.pdf'));
    const size = formDataSize(form.entries());
    expect(size).toBeGreaterThan(MAX_ATTACHMENT_BYTES + 6000);
    expect(size).toBeLessThan(MAX_ATTACHMENT_BYTES + 7000);
  });
});

describe('security headers', () => {
  it('next.config.js sets the static list on every path', async () => {
    const rules = await nextConfig.headers();
    expect(rules).toEqual([{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }]);
  });

  it('the CSP allows scripts only by nonce and from this site, forbids framing, and upgrades on HTTPS', () => {
    const csp = contentSecurityPolicy('abc', { https: false, development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('abc', { https: true, development: false })).toContain('upgrade-insecure-requests');
  });
});
