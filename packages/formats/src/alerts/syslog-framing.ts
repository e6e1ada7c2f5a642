/**
 * Syslog over TCP (RFC 6587): each frame is either octet-counted ("MSG-LEN SP SYSLOG-MSG", §3.4.1) or
 * non-transparent, ended by LF (CRLF and NUL too, as some senders do, §3.4.2). Senders may mix them,
 * so the method is chosen per frame: digits, a space and then "<" mean octet counting; anything else
 * is a line. Decisions wait for the bytes they need, so the frames do not depend on how TCP split the
 * stream. Bytes are buffered, not text: a multi-byte character split across chunks decodes whole.
 */

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const SP = 0x20;
const LT = 0x3c;
// 10 digits can count up to 9,999,999,999 bytes, far above any sane limit; more is not a length
const MAX_LEN_DIGITS = 10;

type Mode = { kind: 'start' } | { kind: 'line' } | { kind: 'octets'; remaining: number; header: number } | { kind: 'discard'; octets: number | null };

export interface FrameBatch {
  frames: string[];
  /** Frames longer than maxFrameBytes: each was cut to its first maxFrameBytes and the rest dropped. */
  oversized: number;
}

export class SyslogFrameDecoder {
  private readonly max: number;
  private buf: Buffer = Buffer.alloc(0);
  private mode: Mode = { kind: 'start' };
  private scanFrom = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(opts: { maxFrameBytes?: number } = {}) {
    const m = opts.maxFrameBytes;
    this.max = typeof m === 'number' && Number.isInteger(m) && m > 0 ? m : 65536;
  }

  push(chunk: Buffer): FrameBatch {
    const out: FrameBatch = { frames: [], oversized: 0 };
    if (!(chunk instanceof Uint8Array) || chunk.length === 0) return out;
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    this.drain(out);
    return out;
  }

  /** The stream ended: what is left is one last line (or the cut-off part of an octet-counted frame). */
  end(): FrameBatch {
    const out: FrameBatch = { frames: [], oversized: 0 };
    if (this.mode.kind === 'octets') {
      // the sender closed mid-frame: keep what arrived, it is the start of a real message
      this.emit(out, this.buf.subarray(this.mode.header));
    } else if (this.mode.kind !== 'discard') {
      let end = this.buf.length;
      if (end > 0 && this.buf[end - 1] === CR) end--;
      this.emit(out, this.buf.subarray(0, end));
    }
    this.buf = Buffer.alloc(0);
    this.mode = { kind: 'start' };
    this.scanFrom = 0;
    return out;
  }

  private emit(out: FrameBatch, bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    out.frames.push(this.decoder.decode(bytes));
  }

  private consume(n: number): void {
    this.buf = this.buf.subarray(n);
    this.scanFrom = 0;
  }

  private drain(out: FrameBatch): void {
    for (;;) {
      const m = this.mode;
      if (m.kind === 'start') {
        let i = 0;
        while (i < this.buf.length && (this.buf[i] === LF || this.buf[i] === CR || this.buf[i] === NUL)) i++;
        if (i > 0) this.consume(i);
        if (this.buf.length === 0) return;
        const decided = this.decideFraming();
        if (decided === 'wait') return;
        this.mode = decided;
        continue;
      }
      if (m.kind === 'octets') {
        const body = this.buf.length - m.header;
        if (m.remaining > this.max) {
          if (body < this.max) return;
          this.emit(out, this.buf.subarray(m.header, m.header + this.max));
          out.oversized++;
          this.consume(m.header + this.max);
          this.mode = { kind: 'discard', octets: m.remaining - this.max };
          continue;
        }
        if (body < m.remaining) return;
        this.emit(out, this.buf.subarray(m.header, m.header + m.remaining));
        this.consume(m.header + m.remaining);
        this.mode = { kind: 'start' };
        continue;
      }
      if (m.kind === 'discard') {
        if (m.octets !== null) {
          const n = Math.min(m.octets, this.buf.length);
          this.consume(n);
          if (n < m.octets) {
            this.mode = { kind: 'discard', octets: m.octets - n };
            return;
          }
          this.mode = { kind: 'start' };
          continue;
        }
        const end = this.findTerminator(0);
        if (end === -1) {
          this.consume(this.buf.length);
          return;
        }
        this.consume(end + 1);
        this.mode = { kind: 'start' };
        continue;
      }
      // line
      const end = this.findTerminator(this.scanFrom);
      if (end === -1) {
        if (this.buf.length > this.max) {
          this.emit(out, this.buf.subarray(0, this.max));
          out.oversized++;
          this.consume(this.buf.length);
          this.mode = { kind: 'discard', octets: null };
          return;
        }
        this.scanFrom = this.buf.length;
        return;
      }
      if (end > this.max) {
        // judged on the raw length, CR included, exactly as the no-terminator-yet branch above would
        this.emit(out, this.buf.subarray(0, this.max));
        out.oversized++;
      } else {
        const stop = end > 0 && this.buf[end - 1] === CR ? end - 1 : end;
        this.emit(out, this.buf.subarray(0, stop));
      }
      this.consume(end + 1);
      this.mode = { kind: 'start' };
    }
  }

  private findTerminator(from: number): number {
    for (let i = from; i < this.buf.length; i++) {
      const c = this.buf[i];
      if (c === LF || c === NUL) return i;
    }
    return -1;
  }

  /** At a frame start: octet counting ("123 <"), a line, or not enough bytes yet to tell. */
  private decideFraming(): Mode | 'wait' {
    let i = 0;
    while (i < this.buf.length && i <= MAX_LEN_DIGITS && this.buf[i]! >= 0x30 && this.buf[i]! <= 0x39) i++;
    if (i === 0 || i > MAX_LEN_DIGITS) return { kind: 'line' };
    if (i === this.buf.length) return 'wait';
    if (this.buf[i] !== SP) return { kind: 'line' };
    if (i + 1 === this.buf.length) return 'wait';
    if (this.buf[i + 1] !== LT) return { kind: 'line' };
    const len = Number(this.buf.subarray(0, i).toString('latin1'));
    if (len === 0) return { kind: 'line' };
    return { kind: 'octets', remaining: len, header: i + 1 };
  }
}
