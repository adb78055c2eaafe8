import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { SignInRefused, verifyCredentials } from '@/lib/server/auth/sign-in';

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  if (typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0]!.trim();
  return null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: '账号密码',
      credentials: { username: { label: '账号', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        try {
          return await verifyCredentials(credentials, clientIp(request?.headers));
        } catch (error) {
          // next-auth passes the message of a thrown error to the sign-in page.
          if (error instanceof SignInRefused) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.username = user.username;
        token.role = user.role;
        token.unitId = user.unitId;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        username: token.username,
        name: token.name ?? '',
        role: token.role,
        unitId: token.unitId,
      };
      return session;
    },
  },
};
