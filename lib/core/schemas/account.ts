import { z } from 'zod';
import { passwordProblems } from '@/lib/core/auth/password-policy';

/** Changing one's own password: the current one, and the new one twice, judged by the policy. */
export function changePasswordSchema(username: string) {
  return z
    .object({
      currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(200, '密码过长'),
      newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码'),
      confirmPassword: z.string({ error: '请再次输入新密码' }),
    })
    .superRefine((input, context) => {
      for (const message of passwordProblems(input.newPassword, { username, previous: input.currentPassword })) {
        context.addIssue({ code: 'custom', path: ['newPassword'], message });
      }
      if (input.confirmPassword !== input.newPassword) {
        context.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的新密码不一致' });
      }
    });
}

/** The account an administrator acts on (reset, unlock). */
export const accountTargetSchema = z.object({ userId: z.string({ error: '请选择用户' }).trim().min(1, '请选择用户').max(64, '用户无效') });

/** The first code from the authenticator app, confirming the second factor's enrolment. */
export const secondFactorConfirmSchema = z.object({
  code: z.string({ error: '请输入验证器显示的 6 位动态验证码' }).trim().regex(/^\d{6}$/, '请输入验证器显示的 6 位动态验证码'),
});
