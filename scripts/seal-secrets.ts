// npm run secrets:seal — once, after upgrading an installation that stored channel secrets, robot
// URLs, the identity provider's client secret or authenticator keys in plain text: seals them with
// the key in LUOSHI_KEY_DIR (lib/platform/keys/secret-box.ts). A second run changes nothing.
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { sealStoredSecrets } from '@/lib/server/installation/seal-stored-secrets';

const db = createPrismaClient(process.env.DATABASE_URL!, 2);
try {
  const sealed = await db.$transaction((tx) => sealStoredSecrets(tx), { timeout: 120_000 });
  console.log(`secrets:seal: sealed ${sealed.channels} channel(s), ${sealed.oidc} identity-provider secret(s), ${sealed.users} authenticator key(s)`);
} finally {
  await db.$disconnect();
}
