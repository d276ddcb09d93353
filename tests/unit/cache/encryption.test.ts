import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BodyCipher } from '../../../main/cache/encryption';

describe('body encryption', () => {
  const cipher = new BodyCipher(randomBytes(32));

  it('round-trips text including non-Latin characters', () => {
    const text = 'Grüße — 你好 — 👋 refund';
    expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
  });

  it('does not store the plaintext', () => {
    const stored = cipher.encrypt('refund my order please');
    expect(stored.toString('latin1')).not.toContain('refund');
  });

  it('gives different ciphertexts for the same text (fresh IV)', () => {
    expect(cipher.encrypt('same').equals(cipher.encrypt('same'))).toBe(false);
  });

  it('refuses to decrypt with another key instead of returning garbage', () => {
    const other = new BodyCipher(randomBytes(32));
    expect(other.decrypt(cipher.encrypt('hello'))).toBeNull();
  });

  it('detects tampering', () => {
    const stored = cipher.encrypt('hello world');
    stored.writeUInt8(stored.readUInt8(stored.length - 1) ^ 1, stored.length - 1);
    expect(cipher.decrypt(stored)).toBeNull();
  });

  it('rejects a key of the wrong size', () => {
    expect(() => new BodyCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
