import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { errorFinding, InputError } from '../findings/index.js';

/**
 * The host's secret for keyed pseudonyms and alternative numbers. The secret sits in a
 * node:crypto KeyObject, so logging or serialising the key never prints its bytes.
 * bib-core never writes a key anywhere and has no default key.
 */
export interface PseudonymKey {
  /** A short label stored in every pseudonym, so that a host can tell old and new keys apart after a change. */
  readonly id: string;
  readonly secret: KeyObject;
}

/** The shortest secret accepted: 32 bytes, the output size of SHA-256. */
export const minimumKeyBytes = 32;

const keyIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const hexPattern = /^(?:[0-9a-fA-F]{2})+$/;
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Creates a key from secret bytes. Without `id`, the id is a fingerprint: the first 8 hex
 * digits of an HMAC of a fixed label, which identifies the key without revealing it.
 * Throws InputError when the secret is shorter than 32 bytes, is one byte repeated, or the id
 * is not 1-32 letters, digits, `_` or `-`.
 */
export function createPseudonymKey(secret: Uint8Array, id?: string): PseudonymKey {
  if (secret.length < minimumKeyBytes) {
    throw new InputError([errorFinding('identity:key.tooShort', { bytes: secret.length, minimum: minimumKeyBytes })]);
  }
  // A secret of one repeated byte (all zeros, say) is a placeholder, not a secret.
  if (secret.every((byte) => byte === secret[0])) {
    throw new InputError([errorFinding('identity:key.repeated', { bytes: secret.length })]);
  }
  if (id !== undefined && !keyIdPattern.test(id)) {
    throw new InputError([errorFinding('identity:key.badId', { id: id.slice(0, 40) })]);
  }

  const keyId = id ?? createHmac('sha256', secret).update('bib-core key identifier').digest('hex').slice(0, 8);
  return { id: keyId, secret: createSecretKey(secret) };
}

/**
 * Decodes a key written as text, in hex or in base64 (standard or URL-safe), as in an
 * environment variable or a key file. Text that is valid hex is read as hex, even when it
 * would also be valid base64. Throws InputError for other text or a short secret; the
 * message never repeats the text.
 */
export function parsePseudonymKeyText(text: string, id?: string): PseudonymKey {
  const trimmed = text.trim();
  let bytes: Buffer;
  if (hexPattern.test(trimmed)) {
    bytes = Buffer.from(trimmed, 'hex');
  } else if (base64Pattern.test(trimmed)) {
    bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  } else {
    throw new InputError([errorFinding('identity:key.notHexOrBase64', { minimum: minimumKeyBytes })]);
  }

  const key = createPseudonymKey(bytes, id);
  bytes.fill(0);
  return key;
}

/** Returns the key, or throws InputError with a message that explains how to provide one when it is missing. */
export function requireKey(key: PseudonymKey | undefined): PseudonymKey {
  if (key === undefined || key === null) {
    throw new InputError([errorFinding('identity:key.missing', { minimum: minimumKeyBytes })]);
  }
  return key;
}
