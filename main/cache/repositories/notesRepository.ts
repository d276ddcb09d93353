import type { Database, Statement } from '../sqlite';
import type { BodyCipher } from '../encryption';
import { CacheError, unknownInteractionError } from '../errors';
import type { Redactor } from '../redaction';
import type { Note, NoteInput } from '../types';
import { KEY_OF_ID } from './interactionById';

export const MAX_NOTE_LENGTH = 10_000;

/** Supervisor notes: redacted, then encrypted like transcript bodies. */
export class NotesRepository {
  private readonly insertStmt: Statement;
  private readonly keyStmt: Statement;

  constructor(
    db: Database,
    private readonly cipher: BodyCipher,
  ) {
    this.insertStmt = db.prepare(
      'INSERT INTO notes (interaction_key, author_id, author_name, at, text) VALUES (?, ?, ?, ?, ?)',
    );
    this.keyStmt = db.prepare(`SELECT ${KEY_OF_ID}`).pluck();
  }

  add(input: NoteInput, redactor: Redactor): Note {
    if (typeof input?.text !== 'string' || input.text.trim().length === 0) {
      throw new CacheError('INVALID_INPUT', 'A note needs some text.');
    }
    if (input.text.length > MAX_NOTE_LENGTH) {
      throw new CacheError('INVALID_INPUT', `A note can be at most ${MAX_NOTE_LENGTH} characters.`);
    }
    if (typeof input.interactionId !== 'string' || typeof input.authorId !== 'string' || typeof input.authorName !== 'string') {
      throw new CacheError('INVALID_INPUT', 'A note needs an interaction and an author.');
    }
    if (!Number.isSafeInteger(input.at)) throw new CacheError('INVALID_INPUT', 'A note needs a time in epoch milliseconds.');
    const key = this.keyStmt.get(input.interactionId) as number | null;
    if (key === null) throw unknownInteractionError();
    const text = redactor.redact(input.text);
    const info = this.insertStmt.run(key, input.authorId, input.authorName, input.at, this.cipher.encrypt(text));
    return {
      id: Number(info.lastInsertRowid),
      interactionId: input.interactionId,
      authorId: input.authorId,
      authorName: input.authorName,
      at: input.at,
      text,
    };
  }
}
