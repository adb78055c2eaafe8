// Sign-in's answers about the second factor; the sign-in form (a client component) shows the code
// field on either, so they live apart from the TOTP code (otplib, node:crypto).

/** The password was right and the account needs a code. */
export const SECOND_FACTOR_REQUIRED = '请输入动态验证码（或一枚恢复码）';
export const SECOND_FACTOR_WRONG = '动态验证码或恢复码不正确';
