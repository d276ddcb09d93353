import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { CACHE_KEY_BYTES } from './keyStore';

// Stored layout: [format 1 byte][iv 12][auth tag 16][ciphertext]. The format
// byte leaves room for key rotation later. AES-256-GCM authenticates, so a
// wrong key or a flipped bit is detected instead of producing garbage.
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
// randomBytes per message is a syscall-ish cost at 1M messages; fill a pool.
const IV_POOL_IVS = 4096;

export class BodyCipher {
  private ivPool = Buffer.alloc(IV_BYTES * IV_POOL_IVS);
  private ivPoolNext = IV_POOL_IVS;

  constructor(private readonly key: Buffer) {
    if (key.length !== CACHE_KEY_BYTES) throw new Error(`Cache key must be ${CACHE_KEY_BYTES} bytes.`);
  }

  encrypt(plaintext: string): Buffer {
    return this.encryptBytes(Buffer.from(plaintext, 'utf8'));
  }

  encryptBytes(body: Buffer): Buffer {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const out = Buffer.allocUnsafe(HEADER_BYTES + body.length);
    out[0] = FORMAT_V1;
    iv.copy(out, 1);
    const written = cipher.update(body).copy(out, HEADER_BYTES);
    cipher.final();
    cipher.getAuthTag().copy(out, 1 + IV_BYTES);
    return written === body.length ? out : out.subarray(0, HEADER_BYTES + written);
  }

  decrypt(stored: Uint8Array): string | null {
    return this.decryptBytes(stored)?.toString('utf8') ?? null;
  }

  /** Null when the data cannot be authenticated (wrong key, corruption). */
  decryptBytes(stored: Uint8Array): Buffer | null {
    const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    if (buf.length < HEADER_BYTES || buf[0] !== FORMAT_V1) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(1, 1 + IV_BYTES));
      decipher.setAuthTag(buf.subarray(1 + IV_BYTES, HEADER_BYTES));
      return Buffer.concat([decipher.update(buf.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }

  private nextIv(): Buffer {
    if (this.ivPoolNext >= IV_POOL_IVS) {
      randomFillSync(this.ivPool);
      this.ivPoolNext = 0;
    }
    const start = this.ivPoolNext++ * IV_BYTES;
    return this.ivPool.subarray(start, start + IV_BYTES);
  }
}
