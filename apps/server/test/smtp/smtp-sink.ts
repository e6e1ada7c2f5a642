/**
 * A throwaway SMTP server for tests, run as its own process (see start-smtp-sink.ts):
 * accepts any sender, recipient and login on 127.0.0.1, appends each message to the
 * JSON-lines file named on the command line, and prints `LISTENING <port>` when ready.
 *
 *   node --import tsx apps/server/test/smtp/smtp-sink.ts /tmp/messages.jsonl
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkRecord {
  from: string;
  to: string[];
  /** the message exactly as received (RFC 5322 source), base64 so 8-bit bodies survive JSON */
  rawBase64: string;
}

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: smtp-sink.ts <messages.jsonl>\n');
  process.exit(2);
}

const server = new SMTPServer({
  authOptional: true,
  // plain-text AUTH is fine on loopback, and STARTTLS would need a certificate the client trusts
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 25 * 1024 * 1024,
  closeTimeout: 1000,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? 'anyone' });
  },
  onData(stream, session, callback) {
    const parts: Buffer[] = [];
    stream.on('data', (c: Buffer) => parts.push(c));
    stream.on('error', (err: Error) => callback(err));
    stream.on('end', () => {
      const record: SinkRecord = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        rawBase64: Buffer.concat(parts).toString('base64'),
      };
      // on disk before the 250 reply: once the client's send resolves, the test can read it
      fs.appendFileSync(out, `${JSON.stringify(record)}\n`);
      callback();
    });
  },
});

server.on('error', (err: Error) => process.stderr.write(`smtp sink: ${err.message}\n`));
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address() as AddressInfo;
  process.stdout.write(`LISTENING ${address.port}\n`);
});

// the parent holds our stdin open: when it goes away, so do we, and no orphan keeps the port
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
