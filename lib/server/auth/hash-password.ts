import 'server-only';
import bcrypt from 'bcryptjs';

/** bcrypt cost for stored passwords (about 70 ms on one core of these machines). */
export const PASSWORD_HASH_ROUNDS = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_ROUNDS);
}
