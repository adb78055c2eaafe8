'use client';

import Link from 'next/link';
import { startTransition, useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { UserFields, type UnitChoice } from '../user-fields';
import { createUserAction, type CreateUserState } from '../actions';
import styles from '../../admin.module.css';

/** New account; on success the one-time password is shown here once and never again. */
export function NewUserForm({ units }: { units: UnitChoice[] }) {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, INITIAL_FORM_STATE);
  const created = state.ok ? state.created : undefined;
  if (created) {
    return (
      <section className="panel stack" aria-label="用户已创建">
        <FormMessage state={state} />
        <p>
          账号 <strong className="mono">{created.username}</strong>（{created.name}）已创建。
        </p>
        {created.oneTimePassword ? (
          <p>
            一次性密码：<span className={styles.password} data-testid="one-time-password">{created.oneTimePassword}</span>
            <br />
            <span className="muted small">请立即转交本人；此密码只显示这一次，首次登录须修改。</span>
          </p>
        ) : (
          <p className="muted">使用填写的初始密码登录，首次登录须修改。</p>
        )}
        <div className="actions">
          <Link className="button" href={`/admin/users/${created.id}`}>
            查看该用户
          </Link>
          <Link className="button secondary" href="/admin/users">
            返回人员列表
          </Link>
        </div>
      </section>
    );
  }
  return (
    <form
      className="stack panel"
      aria-label="新建用户"
      onSubmit={(event) => {
        // Submitted by hand so a refusal keeps what was typed (an action= form resets itself).
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => action(form));
      }}
    >
      <UserFields state={state} units={units} />
      <label>
        初始密码（可选）
        <input name="initialPassword" type="text" autoComplete="new-password" maxLength={64} placeholder="留空则自动生成一次性密码" />
        <FieldError state={state} name="initialPassword" />
      </label>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pending={pending}>创建用户</SubmitButton>
      </div>
    </form>
  );
}
