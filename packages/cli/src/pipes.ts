/**
 * `mch … | head`: when the reader goes away the rest of the output is dropped and the command
 * finishes its work and exits with its own code, without a word; Node would otherwise raise
 * EPIPE as an uncaught error with a stack trace.
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = (() => true) as typeof stream.write;
  });
}
