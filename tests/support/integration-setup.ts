import { inject } from 'vitest';

// Set before any test imports the data layer, which reads the environment on first use.
process.env.DATABASE_URL = inject('appDatabaseUrl');
process.env.LUOSHI_KEY_DIR = inject('keyDir');
process.env.LUOSHI_CHECKPOINT_LOG = inject('checkpointLog');
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
process.env.LUOSHI_UPLOAD_DIR ??= 'data/uploads-test';
