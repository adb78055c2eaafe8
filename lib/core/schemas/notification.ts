import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';

/** /notifications?page=&unread=1 */
export const notificationListParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  unread: z.preprocess((value) => value === '1' || value === 'true', z.boolean()),
});
export type NotificationListParams = z.infer<typeof notificationListParamsSchema>;

/** Mark one notification (by id) or all of the user's notifications as read. */
export const markNotificationsReadSchema = z.union([
  z.object({ notificationId: idSchema }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsRead = z.infer<typeof markNotificationsReadSchema>;
