import { createHash, randomBytes } from 'node:crypto';

/** Every API key starts with this, so leaked keys are easy to find in logs and repositories. */
export const API_KEY_PREFIX = 'sw_';

/** Characters of a key kept in clear to tell keys apart. */
export const API_KEY_DISPLAY_PREFIX_LENGTH = 11;

/**
 * A new key secret: `sw_` + 43 base64url characters (256 random bits). Such a key is too long to
 * guess, so a fast hash (SHA-256) is enough to store it: a slow password hash protects low-entropy
 * secrets and would add its cost to every request.
 */
export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a key secret: what the database stores and looks keys up by. */
export function hashApiKeySecret(secret: string): string {
  return digestApiKeySecret(secret).toString('hex');
}

/** Raw SHA-256 of a key secret (32 bytes); {@link hashApiKeySecret} is its hex form. */
export function digestApiKeySecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
