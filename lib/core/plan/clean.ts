/**
 * Cleaning of plan documents copied from the web, Word or PDF.
 *
 * `cleanText(raw)` removes what real copies carry (watermark brackets, `##paidbegin##`
 * markers, page chrome lines, HTML tags/entities, pinyin inserted after characters,
 * stray `?/p>` fragments, spaces that line wrapping put between Chinese characters,
 * hard line wraps) and normalises full-width/half-width variants, WITHOUT dropping
 * document text.
 *
 * Offsets: every later stage (segmentation, item `span`s) works on the CLEANED text.
 * `originalOffsets[i]` is the offset in the raw input of cleaned character `i`
 * (characters produced by a replacement map to the start of what they replaced;
 * `originalOffsets[text.length]` is the raw length), so a UI can map a span back.
 *
 * `simplified` is the cleaned text converted to simplified Chinese (chinese-script.ts, OpenCC),
 * aligned character-for-character with `text` (same length, same offsets), so a
 * match found in `simplified` can be sliced out of `text` with the same offsets.
 * Traditional-character documents are therefore kept as written in `text`.
 */
import { isCjkLike, isDigit, isIdeograph, isLatinLetter } from './chars';
import { isMostlyTraditional, toSimplifiedAligned } from './chinese-script';

export { toSimplifiedAligned };

export interface CleanResult {
  /** Cleaned text as written (traditional characters are kept). */
  text: string;
  /** Simplified-Chinese form of `text`, same length and offsets. */
  simplified: string;
  /** True when the document is written in traditional characters. */
  isTraditional: boolean;
  /** Raw-input offset of every cleaned character; length = text.length + 1. */
  originalOffsets: Int32Array;
}

/* ------------------------------------------------------------------ */
/* Text with an offset map, and edit application                        */
/* ------------------------------------------------------------------ */

interface Tx {
  s: string;
  /** m[i] = raw offset of s[i]; m[s.length] = raw end. */
  m: Int32Array;
}

type Edit = [start: number, end: number, replacement: string];

function applyEdits(tx: Tx, edits: Edit[]): Tx {
  if (edits.length === 0) return tx;
  edits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const parts: string[] = [];
  const m = new Int32Array(tx.s.length + 1 + edits.reduce((n, e) => n + e[2].length, 0));
  let k = 0;
  let pos = 0;
  for (const [a, b, r] of edits) {
    if (a < pos) continue; // overlapping edit: first one wins
    parts.push(tx.s.slice(pos, a));
    for (let i = pos; i < a; i++) m[k++] = tx.m[i] ?? 0;
    parts.push(r);
    const origin = tx.m[a] ?? 0;
    for (let i = 0; i < r.length; i++) m[k++] = origin;
    pos = b;
  }
  parts.push(tx.s.slice(pos));
  for (let i = pos; i < tx.s.length; i++) m[k++] = tx.m[i] ?? 0;
  m[k++] = tx.m[tx.s.length] ?? 0;
  const s = parts.join('');
  return { s, m: m.slice(0, k) };
}

function regexEdits(tx: Tx, re: RegExp, fn: (m: RegExpExecArray) => string | null | Edit[]): Tx {
  const edits: Edit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tx.s)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const r = fn(m);
    if (r === null) continue;
    if (typeof r === 'string') edits.push([m.index, m.index + m[0].length, r]);
    else edits.push(...r);
  }
  return applyEdits(tx, edits);
}

/* ------------------------------------------------------------------ */
/* Individual passes                                                    */
/* ------------------------------------------------------------------ */

/** CRLF/CR/LS/PS → LF; drop zero-width characters, BOMs and control characters (keep \t \n). */
function normaliseControls(tx: Tx): Tx {
   
  return regexEdits(tx, /\r\n?|[\u2028\u2029\f\v]|[\u200b-\u200d\u2060\ufeff\u00ad]|[\u0000-\u0008\u000e-\u001f\u007f]/g, (m) =>
    m[0] === '\r\n' || m[0] === '\r' || m[0] === '\u2028' || m[0] === '\u2029' || m[0] === '\f' || m[0] === '\v' ? '\n' : '',
  );
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'ol',
  'blockquote', 'section', 'article', 'header', 'footer', 'title', 'dd', 'dt', 'dl', 'pre', 'center', 'body', 'html',
]);
const HTML_TAG_RE =
  /<(\/?)(p|div|br|span|a|b|i|u|s|em|strong|font|small|big|sub|sup|li|ul|ol|tr|td|th|table|tbody|thead|tfoot|h[1-6]|hr|img|blockquote|section|article|header|footer|nav|main|figure|figcaption|label|center|code|pre|dd|dt|dl|body|html|head|meta|link|title|o:p|w:[a-z]+|input|button|iframe|strike|tt|abbr)(?=[\s/>])(?:\s[^<>]{0,400})?\/?>/gi;

function stripHtml(tx: Tx): Tx {
  // Script/style blocks and comments go entirely (one forward scan per kind: linear time).
  const edits: Edit[] = [];
  const lower = tx.s.toLowerCase();
  for (const [open, close] of [['<script', '</script'], ['<style', '</style'], ['<!--', '-->']] as const) {
    let from = 0;
    for (;;) {
      const a = lower.indexOf(open, from);
      if (a < 0) break;
      const b = lower.indexOf(close, a + open.length);
      if (b < 0) break;
      const gt = close === '-->' ? b + 3 : lower.indexOf('>', b);
      if (gt < 0) break;
      const end = close === '-->' ? gt : gt + 1;
      edits.push([a, end, '']);
      from = end;
    }
  }
  let t = applyEdits(tx, edits);
  t = regexEdits(t, HTML_TAG_RE, (m) => {
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (name === 'td' || name === 'th') return closing ? '\t' : '';
    if (BLOCK_TAGS.has(name)) return name === 'br' || closing || name === 'hr' ? '\n' : '';
    return '';
  });
  return t;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  times: '×', divide: '÷', bull: '•', copy: '©', reg: '®', yen: '¥', deg: '°', plusmn: '±', laquo: '«', raquo: '»',
  permil: '‰', prime: '′', sup2: '²', sup3: '³',
};

function decodeEntities(tx: Tx): Tx {
  return regexEdits(tx, /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8}\d?);/g, (m) => {
    const body = m[1] ?? '';
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
      if (code < 0x20 && code !== 9 && code !== 10) return '';
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[body.toLowerCase()];
    return v === undefined ? null : v;
  });
}

/**
 * Mojibake of a closing tag (`?! ?/p>`, `?/p>`, `/p>`) left by bad copies. In `…肯定?! ?/p>`
 * the `?!` is what is left of the paragraph's full stop, so after a Chinese character the
 * fragment becomes `。` (the paragraph keeps its end); otherwise it is dropped.
 */
function stripTagFragments(tx: Tx): Tx {
  return regexEdits(
    tx,
    /(\?!?[ \u3000\u00a0]{0,2})?\?\/(?:p|span|div|br|strong|b|em|font|td|tr|li|a|h[1-6])>|(?<![<\w])\/(?:p|span|div)>/gi,
    (m) => {
      const prev = tx.s.charCodeAt(m.index - 1);
      return m[1] !== undefined && m[1].startsWith('?!') && !Number.isNaN(prev) && isIdeograph(prev) ? '。' : '';
    },
  );
}

/** `##paidbegin##`, `##paidend##` and similar `##word##` markers. */
function stripMarkers(tx: Tx): Tx {
  return regexEdits(tx, /##[A-Za-z_]{2,24}##/g, () => '');
}

const WATERMARK_WORDS = /更多|素材|文库|下载|公众号|微信|网址|www|\.com|\.cn|vip|会员|范文/i;

/** Watermark brackets such as 【更多素材尽在哒哒~文库，dad&awk#@01】 (junk characters tolerated). */
function stripWatermarks(tx: Tx): Tx {
  return regexEdits(tx, /[【〖\[]([^【】〖〗[\]\n]{2,80})[】〗\]]/g, (m) => {
    const inner = (m[1] ?? '').replace(/[^\u4e00-\u9fffA-Za-z0-9.]/g, '');
    return WATERMARK_WORDS.test(inner) ? '' : null;
  });
}

const TONE_MAP: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ê: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'v', ǘ: 'v', ǚ: 'v', ǜ: 'v', ü: 'v',
};
const PINYIN_SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|ian|iao|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|a|o|e|i|u|v)[1-5]?$/;
const PINYIN_RE = /([\u3400-\u9fff])([(（])([a-zA-Zāáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?(?: [a-zāáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?){0,2})([)）])/g;

function pinyinInfo(body: string): { valid: boolean; toned: boolean } {
  let toned = false;
  for (const syl of body.split(' ')) {
    let base = '';
    for (const ch of syl) {
      const t = TONE_MAP[ch];
      if (t !== undefined) {
        base += t;
        if (ch !== 'ü') toned = true;
      } else base += ch;
    }
    if (/[1-5]$/.test(base)) toned = true;
    if (base !== base.toLowerCase() || !PINYIN_SYLLABLE.test(base)) return { valid: false, toned: false };
  }
  return { valid: true, toned };
}

/** Pinyin in brackets inserted after characters: 習(xí)近平 → 習近平. */
function stripPinyin(tx: Tx): Tx {
  PINYIN_RE.lastIndex = 0;
  let toned = 0;
  let m: RegExpExecArray | null;
  while ((m = PINYIN_RE.exec(tx.s)) !== null) {
    const info = pinyinInfo(m[3] ?? '');
    if (info.valid && info.toned) toned++;
    if (toned >= 2) break;
  }
  return regexEdits(tx, PINYIN_RE, (mm) => {
    const info = pinyinInfo(mm[3] ?? '');
    // Toneless syllables are only removed when the document evidently carries inserted pinyin.
    if (!info.valid || (!info.toned && toned < 2)) return null;
    const start = mm.index + (mm[1] ?? '').length;
    return [[start, mm.index + mm[0].length, '']];
  });
}

const FULLWIDTH_TO_ASCII = new Set('％＋－．／＝＜＞＊＃＆＠＿～｜＾＄'.split(''));

/** Full-width digits/letters/symbols → ASCII; exotic spaces → ' '; ﹪ → %. Chinese punctuation is kept full-width. */
function normaliseWidth(tx: Tx): Tx {
  return regexEdits(tx, /[０-９Ａ-Ｚａ-ｚ％＋－．／＝＜＞＊＃＆＠＿～｜＾＄\u3000\u00a0\u2002-\u200a\u202f\u205f﹪]/g, (m) => {
    const ch = m[0];
    const code = ch.charCodeAt(0);
    if (ch === '﹪') return '%';
    if (code === 0x3000 || code === 0xa0 || (code >= 0x2002 && code <= 0x200a) || code === 0x202f || code === 0x205f) return ' ';
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a) || FULLWIDTH_TO_ASCII.has(ch)) {
      return String.fromCharCode(code - 0xfee0);
    }
    return null;
  });
}

function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

/** ASCII punctuation inside Chinese text → the full-width form (`,` → `，`, `(…)` → `（…）`). */
function normalisePunctuation(tx: Tx): Tx {
  const s = tx.s;
  const edits: Edit[] = [];
  // Parenthesis pairs whose content contains Chinese.
  const parenRe = /\(([^()\n]{0,200})\)/g;
  let m: RegExpExecArray | null;
  while ((m = parenRe.exec(s)) !== null) {
    if (/[\u3400-\u9fff]/.test(m[1] ?? '')) {
      edits.push([m.index, m.index + 1, '（']);
      edits.push([m.index + m[0].length - 1, m.index + m[0].length, '）']);
    }
  }
  const map: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
  const punctRe = /[,;:!?]/g;
  while ((m = punctRe.exec(s)) !== null) {
    const i = m.index;
    const ch = m[0];
    const full = map[ch] as string;
    const p = codeAt(s, i - 1);
    const n = codeAt(s, i + 1);
    const pCjk = p >= 0 && isCjkLike(p);
    const nCjk = n >= 0 && isIdeograph(n);
    if (pCjk || (nCjk && !(p >= 0 && isDigit(p)) && ch !== '?' && ch !== '!')) edits.push([i, i + 1, full]);
  }
  return applyEdits(tx, edits);
}

/* Page chrome ------------------------------------------------------- */

const CHROME_TOKEN = new RegExp(
  '^(?:' +
    [
      '购物车', '我的足迹', '我的收藏', '我的文档', '加入收藏', '收藏本站', '设为首页', '返回首页', '首页', '登录', '注册', '免费注册',
      '登录/注册', '登录注册', '退出', '退出登录', '会员中心', '个人中心', '用户中心', '在线客服', '联系客服', '帮助中心',
      '意见反馈', '举报', '分享', '分享到', '扫一扫', '扫码下载', '上一篇', '下一篇', '上一页', '下一页', '返回顶部', '回到顶部',
      '返回列表', '打印', '打印本页', '关闭', '关闭窗口', '【打印】', '【关闭】', '收藏', '点赞', '阅读全文', '展开全文',
      '展开阅读全文', '查看全文', '点击查看全文', '继续阅读', '全文阅读', '立即开通', '立即购买', '购买', '充值', '下载券',
      '相关推荐', '猜你喜欢', '热门推荐', '相关文章', '热门文章', '推荐阅读', '版权声明', '免责声明', '文档分类', '全屏',
      '(?:(?:加入|开通|成为)?vip(?:会员)?)?(?:免费|立即|付费|马上)?下载(?:文档|本文|全文|到电脑|此文档|word版?)?',
      '(?:文档|本文|全文|word)下载', '(?:加入|开通|成为)vip(?:会员)?', '版权所有.*', 'copyright.*', '©.*', '.*icp备.*',
      '字号[：:]?.*', '(?:浏览|阅读|点击)(?:次数|量|数)?[：:]?\\d*次?',
    ].join('|') +
    ')$',
  'i',
);
const PAGE_LINE =
  /^(?:第\s*\d{1,4}\s*页(?:\s*[/／,，]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页|[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*\/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/i;

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 80) return false;
  if (PAGE_LINE.test(t)) return true;
  if (t.length <= 60 && /首页|当前位置|您的位置/.test(t) && /[>》→»]/.test(t)) return true;
  const tokens = t.split(/[\s|｜·•/]+/).filter((x) => x.length > 0);
  return tokens.length > 0 && tokens.every((tok) => CHROME_TOKEN.test(tok));
}

function stripChromeLines(tx: Tx): Tx {
  const edits: Edit[] = [];
  const s = tx.s;
  let start = 0;
  while (start <= s.length) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = s.length;
    if (isChromeLine(s.slice(start, end))) edits.push([start, end < s.length ? end + 1 : end, '']);
    start = end + 1;
  }
  return applyEdits(tx, edits);
}

/* Spaces ------------------------------------------------------------ */

const TOP_NUMBERING_AHEAD = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}(?:部分|章))/;

/**
 * Spaces: removed at line ends, removed when a Chinese character is on either side
 * (line wrapping / PDF spacing), removed between a number and %, collapsed to one
 * space elsewhere (latin words keep their separator). A space after a sentence end
 * that is followed by a top-level numbering token (`。 二、`) becomes a line break,
 * because documents flattened to one line lost their paragraph breaks there.
 */
function normaliseSpaces(tx: Tx): Tx {
  const s = tx.s;
  const edits: Edit[] = [];
  const re = / +/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const a = m.index;
    const b = a + m[0].length;
    const p = codeAt(s, a - 1);
    const n = codeAt(s, b);
    const atLineEdge = p < 0 || n < 0 || p === 10 || n === 10 || p === 9 || n === 9;
    if (atLineEdge) {
      edits.push([a, b, '']);
      continue;
    }
    const pCh = s[a - 1] ?? '';
    if ('。！？；'.includes(pCh) && TOP_NUMBERING_AHEAD.test(s.slice(b, b + 12))) {
      edits.push([a, b, '\n']);
      continue;
    }
    if (isCjkLike(p) || isCjkLike(n) || (isDigit(p) && (n === 0x25 || n === 0x2030))) {
      edits.push([a, b, '']);
      continue;
    }
    if (b - a > 1) edits.push([a, b, ' ']);
  }
  // Trailing tabs at line end carry nothing (empty trailing table cells).
  const tabRe = /\t+(?=\n|$)/g;
  while ((m = tabRe.exec(s)) !== null) edits.push([m.index, m.index + m[0].length, '']);
  return applyEdits(tx, edits);
}

/* Hard line wraps ---------------------------------------------------- */

const LINE_END_CLOSED = /[。！？；：:;!?”’）)》」』…】\]]$/;
const LINE_START_NUMBERED =
  /^(?:[一二三四五六七八九十]{1,3}[、.．是要]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[、.．)）]|[①-⑳⑴-⒇⒈-⒛]|第[一二三四五六七八九十]{1,3}|(?:牵头|责任|配合|协办)(?:单位|领导|部门)|亮点|同志们|附件|\||序号)/;

/**
 * Join lines that a hard wrap split: a line ending in `，`/`、`, or (when the document
 * shows a fixed wrap width) a line of that width that does not end a sentence.
 */
function joinHardWraps(tx: Tx): Tx {
  const s = tx.s;
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start <= s.length) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = s.length;
    lines.push({ start, end });
    start = end + 1;
  }
  if (lines.length < 2) return tx;
  const isTableLine = (l: { start: number; end: number }) => {
    const t = s.slice(l.start, l.end);
    return t.includes('\t') || t.trimStart().startsWith('|');
  };
  // Wrap evidence: several open-ended lines of (nearly) the same width, each followed by
  // a line that continues it (not numbered, not empty).
  const widthCount = new Map<number, number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    const len = l.end - l.start;
    if (len < 16 || isTableLine(l) || next.end === next.start) continue;
    const t = s.slice(l.start, l.end);
    if (LINE_END_CLOSED.test(t) || LINE_START_NUMBERED.test(s.slice(next.start, next.end))) continue;
    widthCount.set(len, (widthCount.get(len) ?? 0) + 1);
  }
  let wrapWidth = 0;
  let best = 0;
  for (const [w, c] of widthCount) {
    const around = c + (widthCount.get(w - 1) ?? 0) + (widthCount.get(w + 1) ?? 0);
    if (around >= 3 && around > best) {
      best = around;
      wrapWidth = w;
    }
  }
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const cur = lines[i]!;
    const next = lines[i + 1]!;
    if (cur.end === cur.start || next.end === next.start || isTableLine(cur) || isTableLine(next)) continue;
    const t = s.slice(cur.start, cur.end);
    const nt = s.slice(next.start, next.end);
    if (LINE_START_NUMBERED.test(nt) || isChromeLine(nt)) continue;
    const endsOpen = /[，、]$/.test(t);
    const wrapped = wrapWidth > 0 && cur.end - cur.start >= wrapWidth - 1 && !LINE_END_CLOSED.test(t);
    // A line with sentences in it that stops mid-sentence continues on the next line.
    const midSentence =
      t.length >= 15 && /[。；！？]/.test(t.slice(0, -1)) && /[\u4e00-\u9fff\d]$/.test(t) && (nt.length > 15 || /[，。；]/.test(nt));
    if (!endsOpen && !wrapped && !midSentence) continue;
    const p = codeAt(s, cur.end - 1);
    const n = codeAt(s, next.start);
    const join = isLatinLetter(p) && isLatinLetter(n) ? ' ' : '';
    edits.push([cur.end, cur.end + 1, join]);
  }
  return applyEdits(tx, edits);
}

/* ------------------------------------------------------------------ */
/* Entry point                                                          */
/* ------------------------------------------------------------------ */

export function cleanText(raw: string): CleanResult {
  const input = typeof raw === 'string' ? raw : String(raw ?? '');
  const m0 = new Int32Array(input.length + 1);
  for (let i = 0; i <= input.length; i++) m0[i] = i;
  let tx: Tx = { s: input, m: m0 };
  tx = normaliseControls(tx);
  tx = stripHtml(tx);
  tx = decodeEntities(tx);
  tx = normaliseControls(tx); // entities may decode to control characters or line separators
  tx = stripTagFragments(tx);
  tx = stripMarkers(tx);
  tx = stripWatermarks(tx);
  tx = stripPinyin(tx);
  tx = normaliseWidth(tx);
  tx = normalisePunctuation(tx);
  tx = stripChromeLines(tx);
  tx = normaliseSpaces(tx);
  tx = joinHardWraps(tx);
  const simplified = toSimplifiedAligned(tx.s);
  return {
    text: tx.s,
    simplified,
    isTraditional: isMostlyTraditional(tx.s, simplified),
    originalOffsets: tx.m,
  };
}
