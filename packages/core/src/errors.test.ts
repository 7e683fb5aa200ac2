import { describe, expect, it } from 'vitest';
import { MchError, errorFromThread, isMchError, postError } from './errors';

/** What a worker thread's error becomes on the other side: a structured clone of what it posted. */
const acrossThreads = (e: unknown) => errorFromThread(structuredClone(postError(e)));

describe('errors across a thread boundary', () => {
  it('keeps an MchError one, with its code (the exit code), place and details', () => {
    const back = acrossThreads(new MchError('file-unreadable', 'cannot read "ARM.xlsx"', { where: 'ARM.xlsx', details: ['sheet T01'] }));
    expect(isMchError(back)).toBe(true);
    expect(back).toMatchObject({ code: 'file-unreadable', message: 'cannot read "ARM.xlsx"', where: 'ARM.xlsx', details: ['sheet T01'] });
    expect((back as MchError).exitCode).toBe(2);
  });

  it('keeps a system error’s code, call and path, so the user is told which path and why', () => {
    const sys = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/data/reports/x.pdf', errno: -28 });
    const back = acrossThreads(sys) as NodeJS.ErrnoException;
    expect(isMchError(back)).toBe(false);
    expect(back).toMatchObject({ code: 'ENOSPC', syscall: 'write', path: '/data/reports/x.pdf', errno: -28 });
  });

  it('keeps a bug a bug, with its name and stack; a structured clone alone loses the class', () => {
    const bug = new TypeError('x is undefined');
    const back = acrossThreads(bug);
    expect(back.name).toBe('TypeError');
    expect(back.stack).toBe(bug.stack);
    expect(isMchError(back)).toBe(false);
    expect(isMchError(structuredClone(new MchError('usage', 'bad')))).toBe(false);
  });

  it('does not make an MchError of an unknown code', () => {
    expect(isMchError(errorFromThread({ name: 'MchError', message: 'm', code: 'no-such-code' }))).toBe(false);
  });
});
