/**
 * The benchmark's SMTP sink, in a process of its own so it does not share a CPU turn with the sender
 * it measures: smtp-server on 127.0.0.1, every message read to its end and discarded. Prints
 * `port <n>` once listening, then `count <n>` whenever the count of accepted messages changed (every
 * 50 ms at most). Stops on SIGTERM.
 */
import { SMTPServer } from 'smtp-server';

let count = 0;
let reported = -1;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // Many connections at once from the engine and the bare client: no limit of its own.
  maxClients: 1000,
  onData(stream, _session, callback) {
    stream.on('end', () => {
      count += 1;
      callback();
    });
    stream.resume();
  },
});
server.on('error', () => {
  // A client closing abruptly is not the sink's problem.
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
});
const timer = setInterval(() => {
  if (count === reported) return;
  reported = count;
  process.stdout.write(`count ${count}\n`);
}, 50);
process.once('SIGTERM', () => {
  clearInterval(timer);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
