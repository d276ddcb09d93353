/**
 * Incremental parser of the Asterisk Manager Interface byte stream: one
 * banner line ("Asterisk Call Manager/9.0.0"), then frames of `Key: Value`
 * lines, each frame ended by a blank line. Lines end in CRLF; a bare LF is
 * accepted too.
 *
 * The stream comes from the network and is treated as hostile: a frame over
 * `maxFrameChars` or `maxKeys` is dropped (one logged, truncated error) and
 * the parser resynchronises at the next blank line. Each character is looked
 * at a constant number of times, whatever the chunking, and the parser never
 * holds more than one frame's worth of text. It never throws.
 */

import { boundedText } from '../../core/boundedText';

/** Field names as Asterisk sent them; a null prototype, so "__proto__" is just a key. */
export type AmiFields = Record<string, string>;

export type AmiParsed = { kind: 'banner'; text: string } | { kind: 'frame'; fields: AmiFields };

export interface AmiParserLimits {
  /** Characters in one frame, line ends included. Default 64 KiB. */
  maxFrameChars: number;
  /** Lines (keys) in one frame. Default 512. */
  maxKeys: number;
}

export const defaultAmiParserLimits: AmiParserLimits = { maxFrameChars: 64 * 1024, maxKeys: 512 };

/** How much of hostile text goes into a log line: the core's bounded cut, on one line. */
export const truncateForLog = (text: string, max = 120): string =>
  // Control characters would garble the log (or forge lines in it).
  // eslint-disable-next-line no-control-regex
  JSON.stringify(boundedText(text, max).replace(/[\u0000-\u001f\u007f]/g, ' ')).slice(1, -1);

/** Stands in for the swallowed part of a line being dropped. */
const NON_BLANK = '..';

export class AmiFrameParser {
  private readonly limits: AmiParserLimits;
  /** The unfinished line, in pieces: joined once, when its end arrives. */
  private partial: string[] = [];
  private partialChars = 0;
  private fields: AmiFields = Object.create(null) as AmiFields;
  private keys = 0;
  private frameChars = 0;
  /** Set while skipping the rest of an oversized frame. */
  private dropping = false;
  private bannerSeen: boolean;

  constructor(
    private readonly onError: (message: string) => void = () => {},
    limits: Partial<AmiParserLimits> = {},
    options: { expectBanner?: boolean } = {},
  ) {
    this.limits = { ...defaultAmiParserLimits, ...limits };
    this.bannerSeen = options.expectBanner === false;
  }

  /** Feeds one chunk of the stream; returns the banner and the frames it completed. */
  push(chunk: string): AmiParsed[] {
    const out: AmiParsed[] = [];
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) {
        this.addPartial(chunk.slice(start));
        break;
      }
      let line: string;
      if (this.partial.length > 0) {
        this.partial.push(chunk.slice(start, nl));
        line = this.partial.join('');
        this.partial = [];
        this.partialChars = 0;
      } else {
        line = chunk.slice(start, nl);
      }
      start = nl + 1;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.line(line, out);
    }
    return out;
  }

  /** Drops whatever is half-received (the connection was closed). */
  reset(): void {
    this.partial = [];
    this.partialChars = 0;
    this.clearFrame();
    this.dropping = false;
  }

  private addPartial(piece: string): void {
    if (this.dropping) {
      // While dropping, only "is this line blank?" matters: two characters say no.
      if (this.partialChars >= 2) return;
      this.partial.push(piece);
      this.partialChars += piece.length;
      if (this.partialChars >= 2) this.markPartialNonBlank();
      return;
    }
    this.partial.push(piece);
    this.partialChars += piece.length;
    if (this.frameChars + this.partialChars > this.limits.maxFrameChars) {
      this.startDropping(`a line longer than ${this.limits.maxFrameChars} characters`, this.partial.join('').slice(0, 200));
      this.markPartialNonBlank();
    }
  }

  private markPartialNonBlank(): void {
    this.partial = [NON_BLANK];
    this.partialChars = NON_BLANK.length;
  }

  private line(line: string, out: AmiParsed[]): void {
    if (!this.bannerSeen) {
      this.bannerSeen = true;
      out.push({ kind: 'banner', text: line.length > 200 ? line.slice(0, 200) : line });
      return;
    }
    if (line === '') {
      if (this.dropping) {
        this.dropping = false;
      } else if (this.keys > 0) {
        out.push({ kind: 'frame', fields: this.fields });
      }
      this.clearFrame();
      return;
    }
    if (this.dropping) return;
    this.frameChars += line.length + 2;
    this.keys++;
    if (this.frameChars > this.limits.maxFrameChars) {
      this.startDropping(`more than ${this.limits.maxFrameChars} characters`, line);
      return;
    }
    if (this.keys > this.limits.maxKeys) {
      this.startDropping(`more than ${this.limits.maxKeys} lines`, line);
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return; // Not a field (e.g. a stray text line): skipped, the frame is kept.
    const key = line.slice(0, colon);
    const value = line.charCodeAt(colon + 1) === 32 ? line.slice(colon + 2) : line.slice(colon + 1);
    // The first occurrence wins: a later duplicate cannot overwrite Event/ActionID.
    if (!(key in this.fields)) this.fields[key] = value;
  }

  private startDropping(why: string, sample: string): void {
    const first = this.fields.Event !== undefined ? `Event: ${this.fields.Event}` : this.fields.Response !== undefined ? `Response: ${this.fields.Response}` : sample;
    this.onError(`AMI frame dropped (${why}); it began: ${truncateForLog(first)}`);
    this.dropping = true;
    this.clearFrame();
  }

  private clearFrame(): void {
    this.fields = Object.create(null) as AmiFields;
    this.keys = 0;
    this.frameChars = 0;
  }
}
