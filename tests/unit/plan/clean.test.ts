import { describe, expect, test } from 'vitest';
import { cleanText, isChromeLine, toSimplifiedAligned } from '@/lib/core/plan/clean';
import { SEEDS, seed } from './helpers';

const ideographs = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

describe('cleanText: web junk', () => {
  test('watermark brackets are removed, junk characters inside them tolerated', () => {
    const raw = '奋力谱写新篇章。【更多素材尽在哒哒~文库，dad&awk#@01】\n一是学报告。【更多^素材尽在#%哒哒文库，dadaw*k01】';
    expect(cleanText(raw).text).toBe('奋力谱写新篇章。\n一是学报告。');
  });

  test('ordinary 【】 brackets are kept', () => {
    expect(cleanText('【经验做法】坚持问题导向').text).toBe('【经验做法】坚持问题导向');
  });

  test('##paidbegin## / ##paidend## markers disappear, even inside a word', () => {
    expect(cleanText('钨新材料产##paidbegin##业园\n##paidend##').text).toBe('钨新材料产业园\n');
  });

  test('page chrome lines are removed, content lines kept', () => {
    const raw = '购物车\n我的足迹\n\n在县政府2024年第一次全体会议上的讲话\n\n加入Vip免费下载 立即下载\n设为首页 | 加入收藏\n首页 > 工作计划 > 正文\n第 2 页 / 共 5 页\n同志们：';
    const text = cleanText(raw).text;
    for (const junk of ['购物车', '我的足迹', '加入Vip', '立即下载', '设为首页', '加入收藏', '首页 >', '第 2 页']) {
      expect(text).not.toContain(junk);
    }
    expect(text).toContain('在县政府2024年第一次全体会议上的讲话');
    expect(text).toContain('同志们：');
  });

  test('isChromeLine only matches lines made entirely of chrome', () => {
    expect(isChromeLine('加入Vip免费下载 立即下载')).toBe(true);
    expect(isChromeLine('购物车')).toBe(true);
    expect(isChromeLine('下载文档')).toBe(true);
    expect(isChromeLine('确保项目按时下载安装到位')).toBe(false);
    expect(isChromeLine('首页建设工作方案')).toBe(false);
  });

  test('HTML tags and entities', () => {
    const raw = '<p>加强&nbsp;组织&amp;领导</p><p style="x">第二段&ldquo;五个十&rdquo;项目&#12290;</p><br/>完';
    expect(cleanText(raw).text).toBe('加强组织&领导\n第二段“五个十”项目。\n\n完');
  });

  test('stray ?/p> fragments from a bad copy (the ?! left of a full stop becomes 。)', () => {
    const raw = '获得省委主要领导肯定?! ?/p>\n亮点二：坚持稳中求进?/p>\n完成。?! ?/p>';
    expect(cleanText(raw).text).toBe('获得省委主要领导肯定。\n亮点二：坚持稳中求进\n完成。');
  });
});

describe('cleanText: pinyin and traditional characters', () => {
  test('pinyin in brackets after characters is removed; traditional text kept, simplified form aligned', () => {
    const raw = '以習(xí)近平新時代中國特色社會主義思想為指導(dǎo)，緊盯目標任務(wù)';
    const r = cleanText(raw);
    expect(r.text).toBe('以習近平新時代中國特色社會主義思想為指導，緊盯目標任務');
    expect(r.simplified).toBe('以习近平新时代中国特色社会主义思想为指导，紧盯目标任务');
    expect(r.simplified.length).toBe(r.text.length);
    expect(r.isTraditional).toBe(true);
  });

  test('parentheses that are not pinyin are kept', () => {
    expect(cleanText('实施方案(试行)').text).toBe('实施方案（试行）');
    expect(cleanText('附件(a)说明').text).toBe('附件(a)说明');
    expect(cleanText('农家乐(民宿)').text).toBe('农家乐（民宿）');
  });

  test('simplified documents are not flagged as traditional', () => {
    expect(cleanText(seed(SEEDS.speech)).isTraditional).toBe(false);
    expect(cleanText(seed(SEEDS.traditional)).isTraditional).toBe(true);
  });

  test('toSimplifiedAligned keeps length', () => {
    const t = '發展和改革局萬人次臺灣後來';
    const s = toSimplifiedAligned(t);
    expect(s).toBe('发展和改革局万人次台湾后来');
    expect(s.length).toBe(t.length);
  });
});

describe('cleanText: spaces and widths', () => {
  test('line-wrap spaces between Chinese characters are removed, spaces between latin words kept', () => {
    const raw = '县“两 会”结束后，我们紧接着召开县政府第一次全体会议，主要有 以下几点考虑；完成投 资43.8亿元。Made in China 2025 规划';
    expect(cleanText(raw).text).toBe('县“两会”结束后，我们紧接着召开县政府第一次全体会议，主要有以下几点考虑；完成投资43.8亿元。Made in China 2025规划');
  });

  test('full-width digits, letters and % become half-width; ASCII punctuation in Chinese becomes full-width', () => {
    expect(cleanText('增长２０．５％，ＧＤＰ超１，０００亿').text).toBe('增长20.5%，GDP超1，000亿');
    expect(cleanText('同志们: 常言道,一年之计在于春; 时间09:41').text).toBe('同志们：常言道，一年之计在于春；时间09:41');
    expect(cleanText('(县发改局、县财政局牵头,各镇按职责分工负责)').text).toBe('（县发改局、县财政局牵头，各镇按职责分工负责）');
  });

  test('a document flattened to one line gets a line break before top-level numbering', () => {
    expect(cleanText('奠定坚实基础。 一、要正视形势、鼓足干劲。 思路再好').text).toBe('奠定坚实基础。\n一、要正视形势、鼓足干劲。思路再好');
  });

  test('hard-wrapped lines are joined (comma at line end, or a fixed wrap width)', () => {
    expect(cleanText('一是加快项目建设，\n确保全年完成投资。').text).toBe('一是加快项目建设，确保全年完成投资。');
    const para = '全面贯彻落实党的二十大精神按照中央经济工作会议';
    const wrapped = [para, para, para, '要求推进。', '二、下一部分标题'].join('\n');
    expect(cleanText(wrapped).text).toBe(`${para}${para}${para}要求推进。\n二、下一部分标题`);
    // Headings of equal length are not joined.
    const headings = '一、坚持正向发力以更大决心打好攻坚硬仗\n一要客观看待成绩。\n二、坚持量质并举以更强力度稳定经济增长\n一要聚力项目建设。\n三、坚持建群强链以更高标准提升产业质效\n一要固本强基。';
    expect(cleanText(headings).text).toBe(headings);
  });
});

describe('cleanText: nothing but junk is lost', () => {
  test('seed 002 (no junk besides markers) keeps every Chinese character', () => {
    const raw = seed(SEEDS.speech);
    expect(ideographs(cleanText(raw).text)).toBe(ideographs(raw.replace(/##paid(?:begin|end)##/g, '')));
  });

  test('seed 000 keeps every character outside the watermarks', () => {
    const raw = seed(SEEDS.plan2024);
    const expected = ideographs(raw.replace(/【[^】]*】/g, ''));
    expect(ideographs(cleanText(raw).text)).toBe(expected);
  });

  test('seed 003 loses only the page chrome', () => {
    const raw = seed(SEEDS.wrapped);
    const r = cleanText(raw);
    expect(r.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(r.text).toContain('县“两会”结束后');
    expect(r.text).toContain('完成投资43.8亿元以上');
    expect(ideographs(r.text)).toBe(ideographs(raw) - ideographs('购物车我的足迹加入免费下载立即下载'));
  });

  test('originalOffsets map cleaned characters back to the raw input', () => {
    const raw = '项目##paidbegin##建设<p>完成</p>';
    const r = cleanText(raw);
    expect(r.text).toBe('项目建设完成\n');
    expect(r.originalOffsets[2]).toBe(raw.indexOf('建'));
    expect(r.originalOffsets[4]).toBe(raw.indexOf('完'));
    expect(r.originalOffsets[r.text.length]).toBe(raw.length);
  });

  test('never throws on odd input', () => {
    for (const raw of ['', '\u0000\u0001', '\ud800', '<script>', '&#0;&#xD800;&#1114112;', '(((', '【', '##a##']) {
      const r = cleanText(raw);
      expect(r.simplified.length).toBe(r.text.length);
    }
  });
});
