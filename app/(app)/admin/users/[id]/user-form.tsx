'use client';

import { FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { UserFields, type UnitChoice, type UserFormValues } from '../user-fields';
import { updateUserAction } from '../actions';

export function UserForm({ user, units }: { user: UserFormValues & { id: string; updatedAt: string }; units: UnitChoice[] }) {
  const { state, pending, ref, onSubmit } = useKeptForm(updateUserAction);
  return (
    <form ref={ref} key={user.updatedAt} className="stack panel" onSubmit={onSubmit} aria-label="编辑用户">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="updatedAt" value={user.updatedAt} />
      <UserFields state={state} units={units} user={user} />
      <p className="muted small">更换单位、调整角色或停用后，该用户已登录的会话立即失效，下次操作需重新登录。</p>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pending={pending}>保存</SubmitButton>
      </div>
    </form>
  );
}
