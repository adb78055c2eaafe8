/**
 * The text of one outbound message in each channel's format. Every message is short Chinese text:
 * the title names the task (callers put 【kind】task title there), the body the unit or deadline,
 * and the link is absolute (the office's base URL + the in-app path).
 */
export type OutboundContent = { subject: string; text: string; link: string | null };

/** SMS messages are one 70-character segment (GSM 03.38 UCS-2: 70 characters per message). */
export const SMS_MAX_CHARS = 70;

export function absoluteLink(baseUrl: string, path: string | null | undefined): string | null {
  if (!path) return null;
  if (/^https?:\/\//.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function formatEmail(content: OutboundContent, signature = '落实·督查督办系统') {
  const lines = [content.text, ...(content.link ? ['', `查看：${content.link}`] : []), '', `—— ${signature}（系统自动发送，请勿回复）`];
  const html = [
    `<p>${escapeHtml(content.text).replace(/\n/g, '<br>')}</p>`,
    content.link ? `<p><a href="${escapeHtml(content.link)}">查看详情</a></p>` : '',
    `<p style="color:#888;font-size:12px">${escapeHtml(signature)}（系统自动发送，请勿回复）</p>`,
  ].join('');
  return { subject: content.subject, text: lines.join('\n'), html };
}

/** Markdown special characters a title or body must not inject (links, headings, emphasis). */
function escapeMarkdown(text: string) {
  return text.replace(/([\\`*_[\]#>])/g, '\\$1');
}

/** 钉钉 custom robot markdown message. */
export function formatDingtalk(content: OutboundContent) {
  const text = [`#### ${escapeMarkdown(content.subject)}`, '', escapeMarkdown(content.text), ...(content.link ? ['', `[查看详情](${content.link})`] : [])].join('\n');
  return { msgtype: 'markdown', markdown: { title: content.subject, text } };
}

/** 企业微信 group robot markdown message (at most 4096 bytes; ours are short). */
export function formatWecom(content: OutboundContent) {
  const lines = [`**${escapeMarkdown(content.subject)}**`, `>${escapeMarkdown(content.text).replace(/\n/g, '\n>')}`, ...(content.link ? [`[查看详情](${content.link})`] : [])];
  return { msgtype: 'markdown', markdown: { content: lines.join('\n') } };
}

/** One SMS: subject and text in at most 70 characters, cut with an ellipsis. Links do not fit. */
export function formatSms(content: OutboundContent, max = SMS_MAX_CHARS) {
  const whole = content.text && content.text !== content.subject ? `${content.subject}：${content.text}` : content.subject;
  const flat = whole.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** The JSON a generic webhook receives. */
export function formatWebhookBody(message: { id: string; kind: string; createdAt: Date } & OutboundContent) {
  return JSON.stringify({ id: message.id, kind: message.kind, title: message.subject, text: message.text, link: message.link, createdAt: message.createdAt.toISOString() });
}
