import NextAuth from 'next-auth';
import { authOptionsForRequest } from '@/lib/server/auth/options';

// Built per request: the office may configure the identity provider while the server runs.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, await authOptionsForRequest());
}
export { handler as GET, handler as POST };
