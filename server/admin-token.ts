import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';

/**
 * The operator's token: `PLATFORM_ADMIN_TOKEN` when set; otherwise one generated on first start
 * and kept in `<DATA_DIR>/platform-admin-token` (mode 600) so it survives restarts.
 */
export async function resolvePlatformAdminToken(
  config: Pick<Config, 'platformAdminToken' | 'dataDir'>,
): Promise<{ token: string; generated: boolean }> {
  if (config.platformAdminToken) return { token: config.platformAdminToken, generated: false };
  const file = path.join(config.dataDir, 'platform-admin-token');
  const stored = await fs.readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (stored) return { token: stored, generated: true };
  const token = `sw_admin_${randomBytes(32).toString('base64url')}`;
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true };
}
