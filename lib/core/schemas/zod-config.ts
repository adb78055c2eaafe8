import { z } from 'zod';

// Every message zod words itself (an unknown choice, a wrong type, a number out of range) is
// Chinese; schemas word their own where the default reads poorly. Loaded by common.ts (which the
// schemas, parseInput and runAction import, on the server and in the browser) and by the root
// layout, so it is set before any page parses its search parameters.
z.config({
  ...z.locales.zhCN(),
  customError(issue) {
    if (issue.code === 'invalid_type' && issue.expected === 'number') {
      // z.coerce turns '1e400' into Infinity and 'abc' into NaN.
      return typeof issue.input === 'number' && !Number.isNaN(issue.input) ? '数字超出范围' : '请输入数字';
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) return '此项必填';
    if (issue.code === 'invalid_type') return '格式无效';
    if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int')) {
      return Number(issue.maximum) >= Number.MAX_SAFE_INTEGER ? '数字超出范围' : `数值过大（不超过 ${String(issue.maximum)}）`;
    }
    if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int')) {
      return Number(issue.minimum) <= Number.MIN_SAFE_INTEGER ? '数字超出范围' : `数值过小（不小于 ${String(issue.minimum)}）`;
    }
    if (issue.code === 'invalid_value') return '选项无效，请重新选择';
    return undefined;
  },
});
