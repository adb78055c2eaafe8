'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formText } from '@/lib/core/forms/form-data';
import { requireUser } from '@/lib/server/auth/session';
import { requestMeta, runAction } from '@/lib/server/action-result';
import { markNotificationsRead } from '@/lib/server/notifications/mark-notifications-read';

/** Only same-site paths: a notification's link must never send the user elsewhere. */
function internalPath(link: string | null | undefined) {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : '/notifications';
}

/** Marks one notification read and stays on the list. */
export async function markNotificationReadAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const { ip } = await requestMeta();
  await runAction(() => markNotificationsRead({ user, ip, input: { notificationId: formText(form, 'notificationId') } }));
  revalidatePath('/', 'layout');
}

export async function markAllNotificationsReadAction(): Promise<void> {
  const user = await requireUser();
  const { ip } = await requestMeta();
  await runAction(() => markNotificationsRead({ user, ip, input: { all: true } }));
  revalidatePath('/', 'layout');
}

/** Opens a notification: marks it read, then goes to what it is about. */
export async function openNotificationAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const { ip } = await requestMeta();
  let link: string | null = null;
  await runAction(async () => {
    link = (await markNotificationsRead({ user, ip, input: { notificationId: formText(form, 'notificationId') } })).notification?.link ?? null;
  });
  revalidatePath('/', 'layout');
  redirect(internalPath(link));
}
